declare const __ADDIN_VERSION__: string | undefined;

/** The add-in version webpack's DefinePlugin injects from package.json (written into the run information). */
export const ADDIN_VERSION: string = typeof __ADDIN_VERSION__ === 'string' ? __ADDIN_VERSION__ : 'development';

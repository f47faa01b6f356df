/**
 * True when the environment variable `name` is set to anything but '' or '0': how the command line's optional
 * switches (CRM_ANALYTICS_TIMINGS, CRM_ANALYTICS_V8_DEFAULTS) are turned on.
 * @example
 * process.env.CRM_EXAMPLE_SWITCH = '0';
 * environmentSwitch('CRM_EXAMPLE_SWITCH') // => false
 */
export function environmentSwitch(name: string): boolean {
  const setting = process.env[name];
  return setting !== undefined && setting !== '' && setting !== '0';
}

// webpack's asset/source rule imports .csv files as their text.
declare module '*.csv' {
  const text: string;
  export default text;
}

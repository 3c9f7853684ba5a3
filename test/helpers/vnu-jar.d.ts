// vnu-jar exports the path of vnu.jar and ships no types.
declare module 'vnu-jar' {
  const path: string;
  export default path;
}

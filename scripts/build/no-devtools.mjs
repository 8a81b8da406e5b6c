// Ink loads react-devtools-core only when DEV=true (the build defines it false); it is not a
// dependency, so the one bundle that holds Ink gets this stand-in.
export default { initialize() {}, connectToDevTools() {} };

// Where the structural scanner is.
export const CTX_DOC = 0; // before the top-level value
export const CTX_TOP = 1; // inside the top-level object
export const CTX_LOG = 2; // inside "log"
export const CTX_ENTRIES = 3; // inside "log.entries"
export const CTX_END = 4; // after the top-level object
export const CTX_ERROR = 5;

// What it expects next inside an object (TOP, LOG) or the entries array.
export const S_KEY_OR_CLOSE = 0;
export const S_KEY = 1;
export const S_IN_KEY = 2;
export const S_COLON = 3;
export const S_VALUE = 4;
export const S_COMMA_OR_CLOSE = 5;
export const S_ELEM_OR_CLOSE = 6;
export const S_ELEM = 7;

// What kind of value is being skipped or captured.
export const V_CONTAINER = 0;
export const V_STRING = 1;
export const V_SCALAR = 2;

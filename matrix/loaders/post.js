// post.js: appended inside the emcc-main loader's module closure
// (--post-js), where Emscripten's runtime internals are in scope. It hands
// the harness what it needs under one name, without changing behaviour:
// the JS dynamic loader, its table of loaded libraries, the function
// table and the heap. Names differ by Emscripten version; absent ones are
// undefined and the harness says which it missed.
Module['emcompat'] = {
  loadDynamicLibrary: typeof loadDynamicLibrary != 'undefined' ? loadDynamicLibrary : undefined,
  LDSO: typeof LDSO != 'undefined' ? LDSO : undefined,
  FS: typeof FS != 'undefined' ? FS : undefined,
  table: function() { return typeof wasmTable != 'undefined' ? wasmTable : undefined; },
  heapU8: function() { return typeof HEAPU8 != 'undefined' ? HEAPU8 : undefined; },
};

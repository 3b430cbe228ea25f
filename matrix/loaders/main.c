/*
 * main.c: the emcc-main loader, a small C host program built as an
 * Emscripten main module (-sMAIN_MODULE=2, see matrix/loaders/README.md)
 * into which matrix/loaders/harness.mjs loads a probe's side module.
 *
 * It does what a host that loads plugins does: dlopen + dlsym. The harness
 * loads through the JS loader (loadDynamicLibrary, reached by post.js) to get
 * the verbatim JS error on a failed load, and through emcompat_dlopen when
 * asked to (--via dlopen). With -sMAIN_MODULE=2 the main exports only
 * what EXPORTED_FUNCTIONS lists (host-exports.txt) and what is
 * marked EMSCRIPTEN_KEEPALIVE here.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <emscripten.h>

/*
 * The host's C surface (matrix/loaders/host-exports.txt lists it for
 * -sEXPORTED_FUNCTIONS): what a host that loads Rust extension modules
 * provides, i.e. the libc functions Rust's std (1.96) imports on
 * wasm32-unknown-emscripten, memcpy/memmove/memset, plus qsort and abs for
 * the fnptr probe's callbacks. Referencing them here makes the link include
 * each one whether this Emscripten implements it in C (then
 * EXPORTED_FUNCTIONS exports it) or in JS (then it is a main-module import,
 * which side modules resolve too: 3.1.6's clock_gettime and abort).
 */
EMSCRIPTEN_KEEPALIVE void *const emcompat_host_surface[] = {
	(void *)malloc, (void *)free, (void *)calloc, (void *)realloc,
	(void *)posix_memalign, (void *)memcpy, (void *)memmove, (void *)memset,
	(void *)memcmp, (void *)strlen, (void *)write, (void *)getenv,
	(void *)getcwd, (void *)clock_gettime, (void *)abort, (void *)qsort,
	(void *)(int (*)(int))abs,
};

EMSCRIPTEN_KEEPALIVE void *emcompat_dlopen(const char *path)
{
	return dlopen(path, RTLD_NOW | RTLD_GLOBAL);
}

EMSCRIPTEN_KEEPALIVE const char *emcompat_dlerror(void)
{
	const char *e = dlerror();
	return e ? e : "";
}

EMSCRIPTEN_KEEPALIVE void *emcompat_dlsym(void *handle, const char *name)
{
	return dlsym(handle, name);
}

int main(void)
{
	return 0;
}

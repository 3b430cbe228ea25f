#include <stdint.h>
#include <emscripten.h>
extern int64_t host_i64(int64_t);
extern int host_missing(int);
int global_counter = 5;
EMSCRIPTEN_KEEPALIVE int64_t add64(int64_t a, int32_t b) { return a + b + host_i64(a) + global_counter; }
EMSCRIPTEN_KEEPALIVE int add(int a, int b) { return host_missing(a) + b; }
EMSCRIPTEN_KEEPALIVE double now(void) { return emscripten_get_now(); }

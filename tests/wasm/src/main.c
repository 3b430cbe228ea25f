#include <stdint.h>
#include <emscripten.h>
EMSCRIPTEN_KEEPALIVE int64_t host_i64(int64_t x) { return x * 2; }
EMSCRIPTEN_KEEPALIVE int global_counter_main = 1;
int main(void) { return (int)emscripten_get_now(); }

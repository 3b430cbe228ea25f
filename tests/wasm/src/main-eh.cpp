#include <stdint.h>
#include <stdexcept>
#include <emscripten.h>
extern "C" EMSCRIPTEN_KEEPALIVE int64_t host_i64(int64_t x) { if (!x) throw std::runtime_error("zero"); return x * 2; }
int main(void) { try { return (int)host_i64(0); } catch (std::exception &) { return 1; } }

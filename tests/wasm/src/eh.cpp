#include <stdexcept>
#include <emscripten.h>
extern "C" EMSCRIPTEN_KEEPALIVE int thrower(int x) { try { if (x) throw std::runtime_error("x"); } catch (std::exception &e) { return 1; } return 0; }

;; Memory limits the reader must keep apart: a shared memory (threads), a
;; 64-bit memory and an imported table with a maximum. Built with
;; wat2wasm --enable-threads --enable-memory64 --enable-multi-memory.
(module
  (import "env" "memory" (memory 1 256 shared))
  (import "env" "__indirect_function_table" (table 4 8 funcref))
  (memory $big i64 2 65536)
  (func (export "size64") (result i64) memory.size $big))

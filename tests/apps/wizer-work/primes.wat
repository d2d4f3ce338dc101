;; tests/apps/wizer-work/primes.wat — wizer.initialize sieves the primes below 65536
;; in linear memory and keeps their count and sum in globals: wizer's
;; snapshot of the memory and globals is compared byte for byte
(module
  (memory (export "memory") 2)
  (global $count (mut i32) (i32.const 0))
  (global $sum (mut i64) (i64.const 0))
  ;; sieve of Eratosthenes over 0..65535 in memory bytes, then the primes as i32s from 65536
  (func (export "wizer.initialize")
    (local $i i32) (local $j i32)
    (local.set $i (i32.const 2))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (i32.mul (local.get $i) (local.get $i)) (i32.const 65536)))
        (if (i32.eqz (i32.load8_u (local.get $i)))
          (then
            (local.set $j (i32.mul (local.get $i) (local.get $i)))
            (block $d2 (loop $inner
              (br_if $d2 (i32.ge_u (local.get $j) (i32.const 65536)))
              (i32.store8 (local.get $j) (i32.const 1))
              (local.set $j (i32.add (local.get $j) (local.get $i)))
              (br $inner)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.set $i (i32.const 2))
    (block $d3 (loop $collect
      (br_if $d3 (i32.ge_u (local.get $i) (i32.const 65536)))
      (if (i32.eqz (i32.load8_u (local.get $i)))
        (then
          (i32.store (i32.add (i32.const 65536) (i32.mul (global.get $count) (i32.const 4))) (local.get $i))
          (global.set $count (i32.add (global.get $count) (i32.const 1)))
          (global.set $sum (i64.add (global.get $sum) (i64.extend_i32_u (local.get $i))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $collect))))
  (func (export "count") (result i32) (global.get $count))
  (func (export "sum") (result i64) (global.get $sum))
)

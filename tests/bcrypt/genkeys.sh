#!/bin/sh
# tests/bcrypt/genkeys.sh — makes the public keys and signatures of
# tests/bcrypt/pubkey.c with openssl and writes them to tests/bcrypt/pubkeys.h
# (kept in the tree: run this only to make new ones). Signed: the SHA-256
# digest of "wlx bcrypt data".
#
#   rsa_n, rsa_e      an RSA 2048 public key (big-endian modulus, exponent)
#   sig_pkcs1         RSASSA-PKCS1-v1_5 with SHA-256 (a DigestInfo signed)
#   sig_pss           RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt
#   ec_xy             a P-256 public point X || Y
#   sig_ecdsa         ECDSA P-256 over the digest, r || s (32 bytes each)
set -e
out=$(cd "$(dirname "$0")" && pwd)/pubkeys.h
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
printf 'wlx bcrypt data' | openssl dgst -sha256 -binary > digest
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key 2>/dev/null
openssl rsa -in rsa.key -noout -modulus | sed 's/^Modulus=//' | xxd -r -p > rsa_n
printf '\001\000\001' > rsa_e
openssl pkeyutl -sign -inkey rsa.key -pkeyopt digest:sha256 -in digest -out sig_pkcs1
openssl pkeyutl -sign -inkey rsa.key -pkeyopt digest:sha256 -pkeyopt rsa_padding_mode:pss \
    -pkeyopt rsa_pss_saltlen:32 -pkeyopt rsa_mgf1_md:sha256 -in digest -out sig_pss
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key 2>/dev/null
openssl pkey -in ec.key -pubout -outform DER | tail -c 64 > ec_xy
openssl pkeyutl -sign -inkey ec.key -in digest -out sig_der
# the DER SEQUENCE { r INTEGER, s INTEGER } as r || s, each 32 bytes
openssl asn1parse -inform DER -in sig_der | sed -n 's/.*INTEGER *://p' |
    while read -r v; do printf '%064s' "$v" | tr ' ' 0; done | xxd -r -p > sig_ecdsa
[ "$(wc -c < sig_ecdsa)" -eq 64 ]

array() { # array NAME FILE
    echo "static const BYTE $1[] = {"
    od -An -v -tx1 "$2" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/   /'
    echo "};"
}
{
    echo "/* tests/bcrypt/pubkeys.h — made by tests/bcrypt/genkeys.sh (openssl $(openssl version | cut -d' ' -f2)); do not edit */"
    array digest digest
    array rsa_n rsa_n
    array rsa_e rsa_e
    array sig_pkcs1 sig_pkcs1
    array sig_pss sig_pss
    array ec_xy ec_xy
    array sig_ecdsa sig_ecdsa
} > "$out"

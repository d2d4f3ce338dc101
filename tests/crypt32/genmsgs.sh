#!/bin/sh
# tests/crypt32/genmsgs.sh — makes the PKCS#7/CMS test messages of
# tests/crypt32/msg.c with openssl and writes them as DER arrays to
# tests/crypt32/msgs.h (which is kept in the tree: run this only to make
# new ones). The content signed is "wlx signed content\n" (19 bytes).
#
#   cert_rsa, cert_ec   the signers: RSA 2048 (serial 0x1001) and ECDSA
#                       P-256 (serial 0x1002), self-signed, valid 10000 days from when made
#   cert_extra          a third certificate, carried but signing nothing
#   msg_rsa_attached    signed data, RSA, SHA-256, signed attributes, content inside
#   msg_rsa_detached    the same signer, content left out (detached)
#   msg_ec_detached     ECDSA P-256 with SHA-256, detached
#   msg_two_signers     RSA and ECDSA signers, content inside, cert_extra too
#   msg_rsa_noattr      RSA, no signed attributes: the content itself is signed
#   msg_data            a bare "data" content info holding the content
#   msg_rsa_stream      msg_rsa_attached's kind made with -stream: BER, with
#                       indefinite lengths and the content as a chunked OCTET STRING
set -e
out=$(cd "$(dirname "$0")" && pwd)/msgs.h
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
printf 'wlx signed content\n' > content
mkcert() { # mkcert NAME SERIAL KEYOPTS...
    name=$1 serial=$2; shift 2
    openssl genpkey "$@" -out $name.key 2>/dev/null
    openssl req -new -key $name.key -subj "/O=wlx/CN=wlx msg $name" -out $name.csr
    openssl x509 -req -in $name.csr -signkey $name.key -set_serial $serial -days 10000 -sha256 -outform DER -out $name.der 2>/dev/null
    openssl x509 -inform DER -in $name.der -out $name.pem
}
mkcert rsa 0x1001 -algorithm RSA -pkeyopt rsa_keygen_bits:2048
mkcert ec 0x1002 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
mkcert extra 0x1003 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
sign() { openssl cms -sign -binary -md sha256 -in content -outform DER "$@"; }
sign -nodetach -signer rsa.pem -inkey rsa.key -out rsa_attached.der
sign -signer rsa.pem -inkey rsa.key -out rsa_detached.der
sign -signer ec.pem -inkey ec.key -out ec_detached.der
sign -nodetach -signer rsa.pem -inkey rsa.key -signer ec.pem -inkey ec.key -certfile extra.pem -out two_signers.der
sign -nodetach -noattr -signer rsa.pem -inkey rsa.key -out rsa_noattr.der
openssl cms -data_create -binary -in content -outform DER -out data.der
sign -nodetach -stream -signer rsa.pem -inkey rsa.key -out rsa_stream.der

array() { # array NAME FILE
    echo "static const BYTE $1[] = {"
    od -An -v -tx1 "$2" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/   /'
    echo "};"
}
{
    echo "/* tests/crypt32/msgs.h — made by tests/crypt32/genmsgs.sh (openssl $(openssl version | cut -d' ' -f2)); do not edit */"
    array cert_rsa rsa.der
    array cert_ec ec.der
    array cert_extra extra.der
    array msg_rsa_attached rsa_attached.der
    array msg_rsa_detached rsa_detached.der
    array msg_ec_detached ec_detached.der
    array msg_two_signers two_signers.der
    array msg_rsa_noattr rsa_noattr.der
    array msg_data data.der
    array msg_rsa_stream rsa_stream.der
} > "$out"

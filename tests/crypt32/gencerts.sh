#!/bin/sh
# tests/crypt32/gencerts.sh — makes the test certificates of tests/crypt32
# with openssl and writes them as DER arrays to tests/crypt32/certs.h
# (which is kept in the tree: run this only to make new ones).
#
#   root          RSA 2048, self-signed, CA, "CN=wlx test root"
#   inter         ECDSA P-256 CA, signed by root (sha256WithRSAEncryption)
#   leaf          RSA 2048, signed by inter (ecdsa-with-SHA256): CN www.wlx.test,
#                 SAN DNS www.wlx.test, *.api.wlx.test, IP 127.0.0.1, EKU serverAuth
#   expired       like leaf (CN expired.wlx.test), valid 2001-2002 only
#   pss           RSA 2048, signed by root with RSASSA-PSS (SHA-256), CN pss.wlx.test, no SAN
#   selfsigned    ECDSA P-384, self-signed (sha384), CN untrusted.wlx.test
#   noca          RSA leaf signed by leaf's key though leaf is no CA: CN noca.wlx.test
#
# Everything valid from 2020-01-01 to 2049-12-31 unless said otherwise.
set -e
out=$(cd "$(dirname "$0")" && pwd)/certs.h
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
mkdir db && touch db/index && echo 1000 > db/serial
cat > ca.cnf <<'EOF'
[ca]
default_ca = test
[test]
dir = .
database = db/index
serial = db/serial
new_certs_dir = .
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
[v_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[v_leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:www.wlx.test, DNS:*.api.wlx.test, IP:127.0.0.1
[v_expired]
basicConstraints = CA:FALSE
subjectAltName = DNS:expired.wlx.test
[v_plain]
basicConstraints = CA:FALSE
EOF
ca() { # ca KEY-OF-ISSUER CERT-OF-ISSUER CSR EXT OUT START END [opts]
    key=$1 cert=$2 csr=$3 ext=$4 o=$5 start=$6 end=$7; shift 7
    openssl ca -batch -config ca.cnf -keyfile "$key" -cert "$cert" -in "$csr" -extensions "$ext" \
        -startdate "$start" -enddate "$end" -notext -out "$o.pem" "$@" 2>/dev/null
    openssl x509 -in "$o.pem" -outform DER -out "$o.der"
}
S=20200101000000Z E=20491231235959Z
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root.key 2>/dev/null
openssl req -new -key root.key -subj "/O=wlx/CN=wlx test root" -out root.csr
ca root.key /dev/null root.csr v_ca root $S $E -selfsign
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out inter.key
openssl req -new -key inter.key -subj "/O=wlx/CN=wlx test intermediate" -out inter.csr
ca root.key root.pem inter.csr v_ca inter $S $E
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out leaf.key 2>/dev/null
openssl req -new -key leaf.key -subj "/O=wlx/CN=www.wlx.test" -out leaf.csr
ca inter.key inter.pem leaf.csr v_leaf leaf $S $E
openssl req -new -key leaf.key -subj "/CN=expired.wlx.test" -out expired.csr
ca inter.key inter.pem expired.csr v_expired expired 20010101000000Z 20021231235959Z
openssl req -new -key leaf.key -subj "/CN=pss.wlx.test" -out pss.csr
ca root.key root.pem pss.csr v_plain pss $S $E -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out self.key
openssl req -new -key self.key -subj "/CN=untrusted.wlx.test" -out self.csr
ca self.key /dev/null self.csr v_plain selfsigned $S $E -selfsign -md sha384
openssl req -new -key leaf.key -subj "/CN=noca.wlx.test" -out noca.csr
ca leaf.key leaf.pem noca.csr v_plain noca $S $E
{
    echo "/* tests/crypt32/certs.h — test certificates made by tests/crypt32/gencerts.sh"
    echo "   (openssl $(openssl version | cut -d' ' -f2)); see there for what each one is. */"
    for c in root inter leaf expired pss selfsigned noca; do
        echo "static const BYTE cert_$c[] = {"
        od -An -v -tx1 "$c.der" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g; s/^/    /'
        echo "};"
    done
} > "$out"
echo "wrote $out"

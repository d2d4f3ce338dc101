#!/bin/sh
# tests/apps/vsce-sign.sh BUILDDIR — vsce-sign 2.0.6, the VS Code extension
# signature tool (.NET NativeAOT: npm's @vscode/vsce-sign-win32-x64) under
# wlx against its Linux build (@vscode/vsce-sign-linux-x64) on the same
# inputs: a tiny extension package made here, its signature manifest
# (`generatemanifest`), CMS signatures openssl makes over it (RSA and ECDSA,
# self-signed, so "not valid" in the end: only Microsoft's roots are
# trusted), the signature archive (`zip`), and `verify` of good, tampered
# and missing inputs: the same --verbose output and exit code. On Windows
# .NET parses the CMS itself and checks the signer's key through bcrypt
# (BCryptImportKeyPair, BCryptVerifySignature) and builds the chain with
# crypt32 (CertGetCertificateChain, CertAddCertificateLinkToStore).
# Skips (exit 0, "skipped: ...") without npm, the registry, openssl or python3.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

command -v openssl >/dev/null 2>&1 || skip "openssl is not installed"
command -v python3 >/dev/null 2>&1 || skip "python3 is not installed"
fetch @vscode/vsce-sign-win32-x64@2.0.6 vsce-sign-win32-x64-2.0.6
fetch @vscode/vsce-sign-linux-x64@2.0.6 vsce-sign-linux-x64-2.0.6
win=$cache/vsce-sign-win32-x64-2.0.6/package/bin/vsce-sign.exe
native=$cache/vsce-sign-linux-x64-2.0.6/package/bin/vsce-sign
chmod +x "$native"

wvs() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
# same NAME ARGS: the same output (Windows line ends and Z: paths made
# Linux ones) and exit code, run in $tmp/w and $tmp/n on copies of the inputs
same() {
    name=$1; shift
    (cd "$tmp/w" && wvs "$@" </dev/null >"$tmp/w.raw" 2>&1); wrc=$?
    (cd "$tmp/n" && timeout -k 5 120 "$native" "$@" </dev/null >"$tmp/n.out" 2>&1); nrc=$?
    tr -d '\r' <"$tmp/w.raw" >"$tmp/w.out"
    cmp -s "$tmp/w.out" "$tmp/n.out" && [ $wrc -eq $nrc ]
    check "$name (exit $nrc)" $? "exit $wrc (native $nrc): $(diff "$tmp/w.out" "$tmp/n.out" | head -n 6)"
}

# the extension package: a VSIX is a zip of a manifest, a content-types
# file and the extension's files
mkdir -p "$tmp/ext/extension" "$tmp/keys" "$tmp/w" "$tmp/n"
cat >"$tmp/ext/extension.vsixmanifest" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011">
  <Metadata><Identity Language="en-US" Id="hello" Version="0.0.1" Publisher="wlx"/><DisplayName>hello</DisplayName></Metadata>
  <Installation><InstallationTarget Id="Microsoft.VisualStudio.Code"/></Installation>
  <Assets><Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true"/></Assets>
</PackageManifest>
XML
printf '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension=".json" ContentType="application/json"/><Default Extension=".vsixmanifest" ContentType="text/xml"/></Types>' >"$tmp/ext/[Content_Types].xml"
echo '{"name":"hello","publisher":"wlx","version":"0.0.1","engines":{"vscode":"^1.0.0"}}' >"$tmp/ext/extension/package.json"
echo 'console.log("hello");' >"$tmp/ext/extension/main.js"
mkzip() { (cd "$1" && python3 -c 'import sys, zipfile, os
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
for d, _, fs in sorted(os.walk(".")):
    for f in sorted(fs): z.write(os.path.join(d, f)[2:])' "$2"); }
mkzip "$tmp/ext" "$tmp/hello.vsix" || { echo "FAIL cannot make the package"; exit 1; }
echo 'console.log("changed");' >"$tmp/ext/extension/main.js"
mkzip "$tmp/ext" "$tmp/changed.vsix"
for s in w n; do cp "$tmp/hello.vsix" "$tmp/changed.vsix" "$tmp/$s/"; done

same 'no arguments' 
same 'verify without arguments' verify
same 'verify a missing package' verify --package nothing.vsix --signaturearchive nothing.zip

same 'generatemanifest' generatemanifest --package hello.vsix --output hello.manifest --verbose
cmp -s "$tmp/w/hello.manifest" "$tmp/n/hello.manifest"; check 'generatemanifest writes the same manifest' $?
same 'generatemanifest over an existing file' generatemanifest --package hello.vsix --output hello.manifest

# signers: an RSA one, and an ECDSA one issued by a CA of ours (its chain in the signature)
k=$tmp/keys
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$k/rsa.key" -out "$k/rsa.pem" -days 30 -subj "/CN=wlx rsa signer" 2>/dev/null
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$k/ca.key" -out "$k/ca.pem" -days 30 \
    -subj "/CN=wlx test CA" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$k/ec.key" -out "$k/ec.csr" -subj "/CN=wlx ec signer" 2>/dev/null
openssl x509 -req -in "$k/ec.csr" -CA "$k/ca.pem" -CAkey "$k/ca.key" -CAcreateserial -days 30 -out "$k/ec.pem" 2>/dev/null
m=$tmp/n/hello.manifest
sign() { openssl cms -sign -binary -md sha256 -in "$m" -outform DER "$@"; }
sign -signer "$k/rsa.pem" -inkey "$k/rsa.key" -out "$k/rsa.p7s" &&
sign -signer "$k/ec.pem" -inkey "$k/ec.key" -certfile "$k/ca.pem" -out "$k/ec.p7s" ||
    { echo "FAIL openssl cannot sign"; exit 1; }
# the signature's last byte (inside the signature value) changed
flip() { python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[-1] ^= 1; open(sys.argv[2], "wb").write(d)' "$1" "$2"; }
flip "$k/rsa.p7s" "$k/bad.p7s"
flip "$k/ec.p7s" "$k/badec.p7s"
cp "$k"/*.p7s "$tmp/n/"; cp "$k"/*.p7s "$tmp/n/hello.manifest" "$tmp/w/"

same 'zip (RSA)' zip --manifest hello.manifest --signature rsa.p7s --output rsa.zip --verbose
(cd "$tmp/n" && "$native" zip --manifest hello.manifest --signature ec.p7s --output ec.zip >/dev/null &&
    "$native" zip --manifest hello.manifest --signature bad.p7s --output bad.zip >/dev/null &&
    "$native" zip --manifest hello.manifest --signature badec.p7s --output badec.zip >/dev/null) ||
    { echo "FAIL vsce-sign zip"; exit 1; }
cp "$tmp/n/ec.zip" "$tmp/n/bad.zip" "$tmp/n/badec.zip" "$tmp/w/"
# each side verifies the archive it made (RSA), the native side's (others)
same 'verify: RSA, self-signed' verify --package hello.vsix --signaturearchive rsa.zip --verbose
same 'verify: ECDSA, issued by an untrusted CA' verify --package hello.vsix --signaturearchive ec.zip --verbose
same 'verify: RSA signature altered' verify --package hello.vsix --signaturearchive bad.zip --verbose
same 'verify: ECDSA signature altered' verify --package hello.vsix --signaturearchive badec.zip --verbose
same 'verify: package changed' verify --package changed.vsix --signaturearchive rsa.zip --verbose
same 'verify: an archive as the package' verify --package ec.zip --signaturearchive ec.zip --verbose

echo "vsce-sign: $pass passed, $fail failed"
[ $fail -eq 0 ]

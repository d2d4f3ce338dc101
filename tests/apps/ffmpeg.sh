#!/bin/sh
# tests/apps/ffmpeg.sh BUILDDIR — FFmpeg's Windows builds (mingw-w64, static,
# with SDL2, GDI, DirectShow and VfW code linked in: npm's
# @ffmpeg-installer/win32-x64 4.1.0 and @ffprobe-installer/win32-x64 5.1.0)
# under wlx against the Linux builds of the same packages
# (@ffmpeg-installer/linux-x64, @ffprobe-installer/linux-x64 5.2.0):
# -version; generated audio (lavfi's sine) to WAV, FLAC and MP3, test
# pictures (testsrc) to FFV1 in Matroska on 4 threads, H.264 (libx264,
# frame threads) in MP4 with +faststart (the file rewritten in place),
# MPEG-4 in 2-second MPEG-TS segments and a numbered PNG sequence: the
# same bytes in every file (-fflags +bitexact); the frame hashes of two
# of them decoded and stacked by a filter graph; WAV from a pipe to raw
# samples on a pipe; and ffprobe's JSON (streams, format, frames, packets) of an
# MP4. Windows' CRLF on stdout is made LF; the "#software: Lavf58.24.10x"
# version line of framemd5 is left out (the two builds differ there).
# Skips (exit 0, "skipped: ...") without npm or the registry.
b=$(cd "${1:-build}" && pwd)
src=$(cd "$(dirname "$0")" && pwd)
. "$src/lib.sh"
app_test_setup

fetch @ffmpeg-installer/win32-x64@4.1.0 ffmpeg-win32-x64-4.1.0
fetch @ffmpeg-installer/linux-x64@4.1.0 ffmpeg-linux-x64-4.1.0
fetch @ffprobe-installer/win32-x64@5.1.0 ffprobe-win32-x64-5.1.0
fetch @ffprobe-installer/linux-x64@5.2.0 ffprobe-linux-x64-5.2.0
win=$cache/ffmpeg-win32-x64-4.1.0/package/ffmpeg.exe
native=$cache/ffmpeg-linux-x64-4.1.0/package/ffmpeg
wprobe=$cache/ffprobe-win32-x64-5.1.0/package/ffprobe.exe
nprobe=$cache/ffprobe-linux-x64-5.2.0/package/ffprobe
chmod +x "$native" "$nprobe"

wff() { timeout -k 5 120 "$b/bin/wlx" "$win" "$@"; }
nff() { timeout -k 5 120 "$native" "$@"; }
mkdir "$tmp/w" "$tmp/n"

v=$(wff -version 2>&1 | head -n 1); rc=$?
case $v in "ffmpeg version N-92722-gf22fcd4483 "*) r=0 ;; *) r=1 ;; esac
check "-version: $(echo "$v" | cut -c 1-40)" $r "exit $rc"

# enc NAME FILES ARGS: ffmpeg ARGS in both folders; exit 0 and the same FILES
enc() {
    name=$1 files=$2; shift 2
    (cd "$tmp/w" && wff -v error -y "$@" </dev/null >"$tmp/w.out" 2>&1); rc=$?
    (cd "$tmp/n" && nff -v error -y "$@" </dev/null >/dev/null 2>&1)
    r=0
    for f in $files; do
        [ -s "$tmp/n/$f" ] && cmp -s "$tmp/w/$f" "$tmp/n/$f" || { r=1; break; }
    done
    [ $rc -eq 0 ] || r=1
    check "$name" $r "exit $rc, $f: $(ls -l "$tmp/w/$f" "$tmp/n/$f" 2>&1 | tr '\n' ' ') $(head -n 2 "$tmp/w.out")"
}
bx='-fflags +bitexact -flags +bitexact'
enc 'sine to WAV' a.wav -f lavfi -i sine=frequency=440:duration=3:sample_rate=48000 -ac 2 $bx a.wav
enc 'WAV to FLAC' a.flac -i a.wav $bx -c:a flac a.flac
enc 'WAV to MP3 (LAME)' a.mp3 -i a.wav $bx -c:a libmp3lame -b:a 128k a.mp3
enc 'testsrc to FFV1 in Matroska, 4 threads' v.mkv -f lavfi -i testsrc=duration=3:size=320x240:rate=25 $bx -c:v ffv1 -threads 4 v.mkv
enc 'testsrc and sine to H.264 and AAC in MP4, +faststart' v.mp4 -f lavfi -i testsrc=duration=3:size=320x240:rate=25 -f lavfi -i sine=duration=3 $bx -c:v libx264 -preset fast -c:a aac -movflags +faststart v.mp4
enc 'MPEG-4 in three MPEG-TS segments' 'seg0.ts seg1.ts seg2.ts' -f lavfi -i testsrc=duration=6:size=160x120:rate=25 $bx -c:v mpeg4 -f segment -segment_time 2 seg%d.ts
enc 'a scaled PNG sequence' 'img001.png img005.png img010.png' -f lavfi -i testsrc=duration=2:size=160x120:rate=5 $bx -vf scale=80:60 img%03d.png
[ ! -e "$tmp/w/img011.png" ] && [ -e "$tmp/w/img010.png" ]; check 'the PNG sequence: 10 files' $?

# decoded frames: the MP4 and the MKV side by side (hstack)
(cd "$tmp/w" && wff -v error -i v.mp4 -i v.mkv -filter_complex '[0:v][1:v]hstack' -f framemd5 - </dev/null) 2>&1 | tr -d '\r' | grep -v '^#software' >"$tmp/w.out"
(cd "$tmp/n" && nff -v error -i v.mp4 -i v.mkv -filter_complex '[0:v][1:v]hstack' -f framemd5 - </dev/null) 2>&1 | grep -v '^#software' >"$tmp/n.out"
[ "$(grep -c '^0,' "$tmp/w.out")" = 75 ] && cmp -s "$tmp/w.out" "$tmp/n.out"
check 'decoding and stacking them: the same 75 frame hashes' $? "$(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"

w=$(wff -v error -i - -f s16le - <"$tmp/n/a.wav" | md5sum); n=$(nff -v error -i - -f s16le - <"$tmp/n/a.wav" | md5sum)
[ "$w" = "$n" ]; check 'WAV from a pipe to raw samples on a pipe' $?

# ffprobe
for args in '-show_format -show_streams' '-show_entries frame=key_frame,pts,pkt_size,pict_type,width:packet=pts,dts,size,flags'; do
    (cd "$tmp/n" && timeout -k 5 120 "$b/bin/wlx" "$wprobe" -v error $args -of json v.mp4 </dev/null) 2>&1 | tr -d '\r' >"$tmp/w.out"; rc=$?
    (cd "$tmp/n" && timeout -k 5 120 "$nprobe" -v error $args -of json v.mp4 </dev/null) >"$tmp/n.out" 2>&1
    [ $rc -eq 0 ] && [ -s "$tmp/n.out" ] && cmp -s "$tmp/w.out" "$tmp/n.out"
    check "ffprobe $args -of json" $? "exit $rc: $(diff "$tmp/w.out" "$tmp/n.out" | head -n 4)"
done

echo "ffmpeg: $pass passed, $fail failed"
[ $fail -eq 0 ]

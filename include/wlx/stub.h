/*
 * Stubs of unimplemented exports (`@ stub` in a .spec; tools/winebuild
 * makes them): each is preceded by this 8-byte marker, so that
 * GetProcAddress can answer "not found" for them. A program probing for an
 * optional function then takes its fallback path, as on a Windows version
 * without it, instead of calling a stub that stops the process. Imports
 * still bind to stubs, which name the function when called.
 */
#ifndef WLX_STUB_H
#define WLX_STUB_H
#define WLX_STUB_MARKER 0x627574735f786c77ULL   /* "wlx_stub" */
#endif

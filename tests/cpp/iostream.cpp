/*
 * tests/cpp/iostream.cpp — a C++ program as mingw-w64's g++ builds it:
 * std::cout/std::cerr reaching the standard handles (checked through a
 * child run of this program with redirected output), stringstreams,
 * string/vector/map/algorithm, static constructors, and C++ exceptions
 * thrown and caught across frames with destructors run on the way (SEH
 * unwinding through .pdata and the gcc personality routine).
 *
 * Built twice: with -static -static-libgcc -static-libstdc++, and
 * dynamically against libstdc++-6.dll and libgcc_s_seh-1.dll copied beside
 * the exe.  std::thread needs gcc's posix thread model; Debian's default
 * g++ (win32 model, gcc 12) has none, so that part is skipped there.
 */
#include "test.h"
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#ifdef _GLIBCXX_HAS_GTHREADS
#include <thread>
#endif

/* ---- static construction ---- */

static int constructed_order;
struct StaticInit
{
    int value;
    StaticInit() : value(++constructed_order * 10) {}
};
static StaticInit static_a, static_b;

static void test_static_init(void)
{
    ok(static_a.value == 10 && static_b.value == 20, "static constructors: %d %d\n",
       static_a.value, static_b.value);
}

/* ---- containers and strings ---- */

static void test_containers(void)
{
    std::vector<int> v;
    std::map<std::string, int> m;
    std::string s = "Hello";

    for (int i = 10; i > 0; i--) v.push_back(i * 3 % 7);
    std::sort(v.begin(), v.end());
    ok(std::is_sorted(v.begin(), v.end()) && v.front() == 0 && v.back() == 6, "vector sort\n");
    ok(std::count(v.begin(), v.end(), 3) == 2, "count\n");

    m["b"] = 2;
    m["a"] = 1;
    m["c"] = 3;
    std::string keys;
    for (std::map<std::string, int>::const_iterator it = m.begin(); it != m.end(); ++it) keys += it->first;
    ok(keys == "abc" && m.size() == 3 && m.count("z") == 0, "map order: %s\n", keys.c_str());

    s += ", world";
    ok(s.size() == 12 && s.find("world") == 7 && s.substr(0, 4) == "Hell", "string\n");
    std::reverse(s.begin(), s.end());
    ok(s == "dlrow ,olleH", "reverse: %s\n", s.c_str());
    std::wstring ws = L"wide";
    ok(ws.size() == 4 && ws[0] == L'w', "wstring\n");
}

static void test_streams(void)
{
    std::ostringstream out;
    std::istringstream in("42 3.5 word");
    int i = 0;
    double d = 0;
    std::string w;

    out << "x=" << 12 << " y=" << 2.5 << " " << std::hex << 255;
    ok(out.str() == "x=12 y=2.5 ff", "ostringstream: %s\n", out.str().c_str());
    in >> i >> d >> w;
    ok(i == 42 && d == 3.5 && w == "word" && !in.fail(), "istringstream\n");
    in >> i;
    ok(in.fail(), "reading past the end fails\n");
    ok(std::cout.good() && std::cerr.good(), "std streams usable\n");
}

/* ---- exceptions ---- */

static int destroyed;
struct Guard
{
    ~Guard() { destroyed++; }
};

static void __attribute__((noinline)) throw_deep(int depth)
{
    Guard g;
    if (depth == 0) throw std::runtime_error("deep");
    throw_deep(depth - 1);
}

struct Half
{
    Guard first;
    std::unique_ptr<int> second;
    Half() : second(new int(1)) { throw std::logic_error("in constructor"); }
};

static void test_exceptions(void)
{
    bool caught = false;
    std::string what;

    destroyed = 0;
    try { throw_deep(5); }
    catch (const std::exception &e) { caught = true; what = e.what(); }
    /* unwinding through SEH frames: wlx's RtlUnwindEx does not run it yet */
    ok(caught && what == "deep", "exception across frames: %s\n", what.c_str());
    ok(destroyed == 6, "destructors run while unwinding: %d\n", destroyed);

    caught = false;
    try { throw 42; }
    catch (int v) { caught = v == 42; }
    ok(caught, "throw int\n");

    destroyed = 0;
    caught = false;
    try { Half h; }
    catch (const std::logic_error &) { caught = true; }
    ok(caught && destroyed == 1, "constructor throwing: members destroyed %d\n", destroyed);

    caught = false;
    try
    {
        try { throw std::out_of_range("inner"); }
        catch (...) { throw; }
    }
    catch (const std::out_of_range &e) { caught = std::string(e.what()) == "inner"; }
    ok(caught, "rethrow\n");

    caught = false;
    try { std::vector<int>().at(3); }
    catch (const std::out_of_range &) { caught = true; }
    ok(caught, "vector::at throws out_of_range\n");

    caught = false;
    try
    {
        /* volatile, so that gcc can neither elide the new/delete pair
         * nor see the size */
        volatile size_t huge = (size_t)1 << 62;
        static char *volatile sink;
        sink = new char[huge];
        delete[] sink;
    }
    catch (const std::bad_alloc &) { caught = true; }
    ok(caught, "new of 4 EiB throws bad_alloc\n");
}

static void test_threads(void)
{
#ifdef _GLIBCXX_HAS_GTHREADS
    int result = 0;
    std::thread t([&result] { result = 6 * 7; });
    t.join();
    ok(result == 42, "std::thread\n");
#else
    skip("std::thread needs gcc's posix thread model\n");
#endif
}

/* ---- cout/cerr through the standard handles ---- */

static int child_main(void)
{
    std::cout << "to cout " << 1 << std::endl;
    std::cerr << "to cerr " << 2 << std::endl;
    std::cout << "end" << std::flush;
    return 3;
}

static std::string read_file(const char *path)
{
    std::string s;
    FILE *f = fopen(path, "rb");
    char buf[256];
    size_t n;

    if (!f) return s;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) s.append(buf, n);
    fclose(f);
    return s;
}

static void test_std_handles(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char self[MAX_PATH], dir[MAX_PATH], out_path[MAX_PATH], err_path[MAX_PATH], cmd[MAX_PATH + 16];
    DWORD code = 0;

    GetModuleFileNameA(NULL, self, sizeof(self));
    GetTempPathA(sizeof(dir), dir);
    snprintf(out_path, sizeof(out_path), "%swlx_cpp_out.txt", dir);
    snprintf(err_path, sizeof(err_path), "%swlx_cpp_err.txt", dir);
    snprintf(cmd, sizeof(cmd), "\"%s\" child", self);

    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = CreateFileA(out_path, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
    si.hStdError = CreateFileA(err_path, GENERIC_WRITE, FILE_SHARE_READ, &sa, CREATE_ALWAYS, 0, NULL);
    if (!ok(CreateProcessA(self, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi), "CreateProcess\n")) return;
    WaitForSingleObject(pi.hProcess, 30000);
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    CloseHandle(si.hStdOutput);
    CloseHandle(si.hStdError);

    ok(code == 3, "child exit code %lu\n", code);
    /* std::endl writes '\n', which the CRT's text mode turns into \r\n */
    std::string out = read_file(out_path), err = read_file(err_path);
    ok(out == "to cout 1\r\nend", "cout: \"%s\"\n", out.c_str());
    ok(err == "to cerr 2\r\n", "cerr: \"%s\"\n", err.c_str());
    DeleteFileA(out_path);
    DeleteFileA(err_path);
}

int main(int argc, char **argv)
{
    if (argc > 1 && std::string(argv[1]) == "child") return child_main();

    test_start("cpp:iostream");
    test_static_init();
    test_containers();
    test_streams();
    test_exceptions();
    test_threads();
    test_std_handles();
    return test_summary();
}

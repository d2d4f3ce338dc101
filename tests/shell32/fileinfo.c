/*
 * tests/shell32/fileinfo.c — SHGetFileInfo: SHGFI_EXETYPE (cmd.exe asks it
 * whether to wait for a program: a console program is 'PE' with a zero high
 * word, a GUI one carries its subsystem version), and the display name.
 */
#include "test.h"
#include <shellapi.h>

static WCHAR exe[MAX_PATH], dir[MAX_PATH];

/* copies this program to dir\name with its subsystem set to `subsystem` */
static void copy_as(const WCHAR *name, WCHAR *path, WORD subsystem, WORD *version)
{
    IMAGE_DOS_HEADER dos;
    IMAGE_NT_HEADERS64 nt;
    HANDLE file;
    DWORD done;

    lstrcpyW(path, dir);
    lstrcatW(path, L"\\");
    lstrcatW(path, name);
    ok(CopyFileW(exe, path, FALSE), "CopyFileW %ls: %lu\n", path, GetLastError());
    file = CreateFileW(path, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    ok(file != INVALID_HANDLE_VALUE, "CreateFileW: %lu\n", GetLastError());
    ReadFile(file, &dos, sizeof(dos), &done, NULL);
    SetFilePointer(file, dos.e_lfanew, NULL, FILE_BEGIN);
    ReadFile(file, &nt, sizeof(nt), &done, NULL);
    nt.OptionalHeader.Subsystem = subsystem;
    *version = MAKEWORD(nt.OptionalHeader.MinorSubsystemVersion, nt.OptionalHeader.MajorSubsystemVersion);
    SetFilePointer(file, dos.e_lfanew, NULL, FILE_BEGIN);
    WriteFile(file, &nt, sizeof(nt), &done, NULL);
    CloseHandle(file);
}

static void test_exetype(void)
{
    WCHAR path[MAX_PATH];
    DWORD_PTR ret;
    WORD version;
    HANDLE file;
    DWORD done;

    ret = SHGetFileInfoW(exe, 0, NULL, 0, SHGFI_EXETYPE);
    ok(ret == 0x4550, "console program: %#Ix\n", ret);
    ret = SHGetFileInfoA("no such file.exe", 0, NULL, 0, SHGFI_EXETYPE);
    ok(ret == 0, "missing file: %#Ix\n", ret);

    copy_as(L"fileinfo gui.exe", path, IMAGE_SUBSYSTEM_WINDOWS_GUI, &version);
    ret = SHGetFileInfoW(path, 0, NULL, 0, SHGFI_EXETYPE);
    ok(LOWORD(ret) == 0x4550, "GUI program: %#Ix\n", ret);
    ok(HIWORD(ret) == version, "GUI program: version %#x, subsystem version %#x\n", HIWORD(ret), version);
    DeleteFileW(path);

    /* a text file is no program */
    lstrcpyW(path, dir);
    lstrcatW(path, L"\\fileinfo.txt");
    file = CreateFileW(path, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(file, "hello\r\n", 7, &done, NULL);
    CloseHandle(file);
    ret = SHGetFileInfoW(path, 0, NULL, 0, SHGFI_EXETYPE);
    ok(ret == 0, "text file: %#Ix\n", ret);
    DeleteFileW(path);
}

static void test_displayname(void)
{
    SHFILEINFOW info;
    SHFILEINFOA infoa;
    char exea[MAX_PATH], *name;
    DWORD_PTR ret;

    memset(&info, 0xcc, sizeof(info));
    ret = SHGetFileInfoW(exe, 0, &info, sizeof(info), SHGFI_DISPLAYNAME);
    ok(ret == 1, "SHGFI_DISPLAYNAME: %#Ix\n", ret);
    /* Explorer may hide known extensions; the name itself always leads */
    ok(!wcsncmp(info.szDisplayName, L"fileinfo", 8), "display name %ls\n", info.szDisplayName);

    GetModuleFileNameA(NULL, exea, MAX_PATH);
    name = strrchr(exea, '\\') + 1;
    memset(&infoa, 0xcc, sizeof(infoa));
    ret = SHGetFileInfoA(exea, 0, &infoa, sizeof(infoa), SHGFI_DISPLAYNAME);
    ok(ret == 1, "SHGetFileInfoA SHGFI_DISPLAYNAME: %#Ix\n", ret);
    ok(!strncmp(infoa.szDisplayName, name, 8), "display name %s\n", infoa.szDisplayName);
}

int main(void)
{
    test_start("shell32/fileinfo");
    GetModuleFileNameW(NULL, exe, MAX_PATH);
    lstrcpyW(dir, exe);
    *wcsrchr(dir, '\\') = 0;

    test_exetype();
    test_displayname();
    return test_summary();
}

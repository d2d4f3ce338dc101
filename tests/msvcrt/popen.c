/*
 * tests/msvcrt/popen.c — commands through the command interpreter: system()
 * (its exit code, system(NULL)), _popen reading a command's output and
 * writing to its input, _pclose's exit code, a stream _pclose does not
 * know (a failure; errno is not checked: Wine leaves it). The commands are this program run again through cmd.exe /c
 * (PostgreSQL's initdb reads "postgres -V" so).
 */
#include "test.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static char self[MAX_PATH];

int main(int argc, char **argv)
{
    char cmd[MAX_PATH + 64], line[128];
    FILE *f;
    int n;

    if (argc > 2 && !strcmp(argv[1], "print"))   /* the child: prints, exits with a code */
    {
        printf("child says %s\n", argv[2]);
        return 7;
    }
    if (argc > 1 && !strcmp(argv[1], "count"))    /* the child: counts its input's lines */
    {
        n = 0;
        while (fgets(line, sizeof(line), stdin)) n++;
        return n;
    }
    test_start("msvcrt:popen");
    GetModuleFileNameA(NULL, self, sizeof(self));

    ok(system(NULL) != 0, "no command interpreter\n");
    sprintf(cmd, "\"\"%s\" print quiet >nul\"", self);
    ok(system(cmd) == 7, "system: exit code %d\n", system(cmd));

    sprintf(cmd, "\"\"%s\" print hello\"", self);
    f = _popen(cmd, "r");
    ok(f != NULL, "_popen r: errno %d\n", errno);
    if (f)
    {
        memset(line, 0, sizeof(line));
        ok(fgets(line, sizeof(line), f) && !strcmp(line, "child says hello\n"), "read: %s\n", line);
        ok(!fgets(line, sizeof(line), f), "more than one line\n");
        ok(_pclose(f) == 7, "_pclose: the child's exit code\n");
    }

    sprintf(cmd, "\"\"%s\" count\"", self);
    f = _popen(cmd, "w");
    ok(f != NULL, "_popen w: errno %d\n", errno);
    if (f)
    {
        fputs("one\ntwo\nthree\n", f);
        ok(_pclose(f) == 3, "_pclose: the lines the child counted\n");
    }

    ok(_pclose(stdout) == -1, "_pclose of another stream\n");
    return test_summary();
}

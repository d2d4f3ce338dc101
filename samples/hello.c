/*
 * samples/hello.c — the README's first program: a console exe that greets
 * and echoes its arguments, one per line, then exits with code 0.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    int i;

    printf("Hello from Windows!\n");
    for (i = 1; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    return 0;
}

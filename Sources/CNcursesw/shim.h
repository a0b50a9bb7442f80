#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* SwiftPM drops pkg-config's -D_XOPEN_SOURCE flags; without them curses.h hides the wide-char API. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift 6 rejects direct use of mutable C globals; read them through accessors. */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int cnc_lines(void) { return LINES; }
static inline int cnc_cols(void) { return COLS; }
static inline int cnc_colors(void) { return COLORS; }

/* Attribute macros that the Clang importer cannot see. */
static inline attr_t cnc_a_normal(void) { return A_NORMAL; }
static inline attr_t cnc_a_bold(void) { return A_BOLD; }
static inline attr_t cnc_a_dim(void) { return A_DIM; }
static inline attr_t cnc_a_reverse(void) { return A_REVERSE; }
static inline attr_t cnc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cnc_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/* wcwidth is behind __USE_XOPEN in glibc's <wchar.h>; declare it for Swift. */
extern int wcwidth(wchar_t c);
static inline int cnc_wcwidth(wchar_t c) { return wcwidth(c); }

static inline SCREEN *cnc_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline const char *cnc_codeset(void) { return nl_langinfo(CODESET); }

#include <signal.h>
#include <unistd.h>
#include <string.h>

/* Stop requests from SIGTERM and SIGHUP: the handler only sets a flag; the main loop saves and exits. */
static inline volatile sig_atomic_t *cnc_stop_flag(void) { static volatile sig_atomic_t flag = 0; return &flag; }
static void cnc_on_stop(int sig) { (void)sig; *cnc_stop_flag() = 1; }
static inline int cnc_stop_requested(void) { return *cnc_stop_flag() != 0; }

/* On a crash, leave curses mode before dying so the shell is usable, then die as the signal says. */
static void cnc_on_crash(int sig) {
    endwin();
    static const char message[] = "\nridealong stopped unexpectedly; your progress up to the last decision is saved.\n";
    (void)!write(2, message, sizeof message - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void cnc_install_signal_handlers(void) {
    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = cnc_on_stop;
    sigaction(SIGTERM, &stop, NULL);
    sigaction(SIGHUP, &stop, NULL);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = cnc_on_crash;
    crash.sa_flags = SA_RESETHAND;
    int crashes[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof crashes / sizeof crashes[0]; i++) sigaction(crashes[i], &crash, NULL);
    signal(SIGPIPE, SIG_IGN);
}

#endif

# centrala.m4: Centrala's own configure macros.

# CZ_MISSING(WHAT, DEBIAN-PACKAGE): stops configure naming the package.
AC_DEFUN([CZ_MISSING], [AC_MSG_ERROR([$1 not found: install the Debian package $2 (apt-get install $2), or run ./bootstrap])])

# CZ_CORE_IS_A_DIRECTORY: our sources have a directory core/. Autoconf's
# checks (and its exit trap) delete stale core dumps with `rm -f core ...`,
# which fails on a directory: one "cannot remove 'core'" line per check,
# and the exit trap stops before it deletes confdefs.h. Inside configure
# only, rm leaves out an operand `core` that is a directory.
AC_DEFUN([CZ_CORE_IS_A_DIRECTORY], [
rm ()
{
  for cz_rm_arg
  do
    shift
    if test "x$cz_rm_arg" = xcore && test -d core; then :; else set -- "$[@]" "$cz_rm_arg"; fi
  done
  command rm "$[@]"
}
])

# CZ_ENABLE_WERROR: --enable-werror turns warnings into errors (CI builds
# so). Added to the compile flags after the checks, which must not fail on
# a warning of their own.
AC_DEFUN([CZ_ENABLE_WERROR], [
AC_ARG_ENABLE([werror], AS_HELP_STRING([--enable-werror], [treat compiler warnings as errors]))
AS_IF([test "x$enable_werror" = xyes], [WERROR_CFLAGS=-Werror], [WERROR_CFLAGS=])
AC_SUBST([WERROR_CFLAGS])
])

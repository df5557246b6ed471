/* text.c: UTF-8 decoding and encoding, the width of characters, clipped
 * drawing of text, and frames. In an ASCII locale every character takes one
 * cell and anything beyond ASCII is drawn as '?'. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "xmalloc.h"

/* One code point from s (at most the bytes left); *len gets its length. */
static wchar_t
tui_text_next(const unsigned char *s, size_t left, size_t *len)
{
	int	need, i;
	wchar_t	c;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xe0) == 0xc0) {
		need = 1;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		need = 2;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		need = 3;
		c = s[0] & 0x07;
	} else {
		*len = 1;
		return 0xfffd;
	}
	for (i = 1; i <= need; i++) {
		if ((size_t)i >= left || (s[i] & 0xc0) != 0x80) {
			*len = i;
			return 0xfffd;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	*len = need + 1;
	return c;
}

size_t
tui_text_decode(const char *s, wchar_t *out, size_t max)
{
	size_t	n = 0, left = strlen(s), len;

	while (left > 0 && n < max) {
		out[n++] = tui_text_next((const unsigned char *)s, left, &len);
		s += len;
		left -= len;
	}
	return n;
}

char *
tui_text_encode(const wchar_t *w, size_t n)
{
	char	*s = xmalloc(n * 4 + 1), *p = s;

	for (size_t i = 0; i < n; i++) {
		unsigned long c = (unsigned long)w[i];

		if (c < 0x80)
			*p++ = c;
		else if (c < 0x800) {
			*p++ = 0xc0 | (c >> 6);
			*p++ = 0x80 | (c & 0x3f);
		} else if (c < 0x10000) {
			*p++ = 0xe0 | (c >> 12);
			*p++ = 0x80 | ((c >> 6) & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		} else {
			*p++ = 0xf0 | (c >> 18);
			*p++ = 0x80 | ((c >> 12) & 0x3f);
			*p++ = 0x80 | ((c >> 6) & 0x3f);
			*p++ = 0x80 | (c & 0x3f);
		}
	}
	*p = '\0';
	return s;
}

int
tui_text_cells(wchar_t c)
{
	int w;

	if (!tui_is_utf8() || c < 0x80)
		return 1;
	w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int
tui_text_width(const char *s)
{
	wchar_t	buf[1024];
	size_t	n = tui_text_decode(s, buf, 1024);
	int	w = 0;

	for (size_t i = 0; i < n; i++)
		w += tui_text_cells(buf[i]);
	return w;
}

/* What is drawn for c: itself, or '?' when the terminal cannot show it. */
static wchar_t
tui_text_shown(wchar_t c)
{
	if (c < 0x20 || c == 0x7f)
		return ' ';
	if (c < 0x80)
		return c;
	if (!tui_is_utf8() || wcwidth(c) < 0)
		return '?';
	return c;
}

int
tui_text_putw(WINDOW *win, int y, int x, int w, const wchar_t *s, size_t n,
    attr_t attr)
{
	int	used = 0, cw;
	wchar_t	c[2] = { 0, 0 };
	cchar_t	cc;

	for (size_t i = 0; i < n; i++) {
		c[0] = tui_text_shown(s[i]);
		cw = tui_text_cells(c[0]);
		if (used + cw > w)
			break;
		if (cw == 0 && used == 0)
			continue;
		setcchar(&cc, c, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		mvwadd_wch(win, y, x + used, &cc);
		used += cw;
	}
	return used;
}

int
tui_text_put(WINDOW *win, int y, int x, int w, const char *s, attr_t attr)
{
	wchar_t	buf[1024];
	size_t	n;

	if (s == NULL || w <= 0)
		return 0;
	n = tui_text_decode(s, buf, 1024);
	return tui_text_putw(win, y, x, w, buf, n, attr);
}

/* Bytes of s that fit in w cells, cut after a space if there is one. */
static size_t
tui_text_cut(const char *s, size_t n, int w)
{
	size_t	i = 0, space = 0, len;
	int	used = 0, cw;
	wchar_t	c;

	while (i < n) {
		c = tui_text_next((const unsigned char *)s + i, n - i, &len);
		cw = tui_text_cells(c);
		if (used + cw > w)
			return space > 0 ? space : (i > 0 ? i : len);
		if (c == ' ')
			space = i + 1;
		used += cw;
		i += len;
	}
	return n;
}

int
tui_text_wrap(WINDOW *win, struct tui_rect r, const char *s, attr_t attr)
{
	char	line[1024];
	int	rows = 0;
	size_t	n, cut;

	while (s != NULL && *s != '\0' && r.w > 0) {
		n = strcspn(s, "\n");
		cut = tui_text_cut(s, n, r.w);
		if (win != NULL && rows < r.h) {
			snprintf(line, sizeof line, "%.*s", (int)cut, s);
			tui_text_put(win, r.y + rows, r.x, r.w, line, attr);
		}
		rows++;
		s += cut;
		if (cut == n && *s == '\n')
			s++;
		else
			while (*s == ' ')
				s++;
	}
	return rows;
}

int
tui_text_printf(WINDOW *win, int y, int x, int w, attr_t attr,
    const char *fmt, ...)
{
	char	buf[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return tui_text_put(win, y, x, w, buf, attr);
}

void
tui_text_fill(WINDOW *win, struct tui_rect r, attr_t attr)
{
	for (int y = r.y; y < r.y + r.h; y++) {
		wattrset(win, attr);
		mvwhline(win, y, r.x, ' ', r.w);
	}
	wattrset(win, A_NORMAL);
}

/* A line-drawing character, or its ASCII stand-in. */
static void
tui_text_line_char(WINDOW *win, int y, int x, wchar_t u, char a, attr_t attr)
{
	wchar_t	c[2] = { tui_is_utf8() ? u : (wchar_t)a, 0 };
	cchar_t	cc;

	setcchar(&cc, c, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
	mvwadd_wch(win, y, x, &cc);
}

void
tui_text_hline(WINDOW *win, int y, int x, int w, attr_t attr)
{
	for (int i = 0; i < w; i++)
		tui_text_line_char(win, y, x + i, 0x2500, '-', attr);
}

void
tui_text_box(WINDOW *win, struct tui_rect r, const char *title, attr_t attr)
{
	if (r.h < 2 || r.w < 2)
		return;
	tui_text_hline(win, r.y, r.x + 1, r.w - 2, attr);
	tui_text_hline(win, r.y + r.h - 1, r.x + 1, r.w - 2, attr);
	for (int y = r.y + 1; y < r.y + r.h - 1; y++) {
		tui_text_line_char(win, y, r.x, 0x2502, '|', attr);
		tui_text_line_char(win, y, r.x + r.w - 1, 0x2502, '|', attr);
	}
	tui_text_line_char(win, r.y, r.x, 0x250c, '+', attr);
	tui_text_line_char(win, r.y, r.x + r.w - 1, 0x2510, '+', attr);
	tui_text_line_char(win, r.y + r.h - 1, r.x, 0x2514, '+', attr);
	tui_text_line_char(win, r.y + r.h - 1, r.x + r.w - 1, 0x2518, '+', attr);
	if (title != NULL && title[0] != '\0' && r.w > 6)
		tui_text_printf(win, r.y, r.x + 2, r.w - 4, attr | A_BOLD,
		    " %s ", title);
}

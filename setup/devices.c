/* devices.c: ALSA devices and DAHDI spans present (devices.h). ALSA:
 * /proc/asound/pcm lists "CC-DD: id : name : playback 1 ..." and
 * /proc/asound/cardCC/id the card's id. DAHDI: /proc/dahdi/N begins
 * "Span N: NAME "DESCRIPTION"". CUPS: `lpstat -e`, a destination a line. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "devices.h"

static void
devices_card_id(const char *proc, int card, char *buf, size_t len)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof path, "%s/asound/card%d/id", proc, card);
	snprintf(buf, len, "%d", card);
	if ((f = fopen(path, "r")) == NULL)
		return;
	if (fgets(buf, (int)len, f) != NULL)
		buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

int
devices_alsa(const char *proc, struct device *d, int max)
{
	char	 line[256], id[32], *name, path[512];
	int	 n = 0, card, dev;
	FILE	*f;

	snprintf(path, sizeof path, "%s/asound/pcm", proc);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (n < max && fgets(line, sizeof line, f) != NULL) {
		if (sscanf(line, "%d-%d:", &card, &dev) != 2 ||
		    strstr(line, "playback") == NULL)
			continue;
		devices_card_id(proc, card, id, sizeof id);
		snprintf(d[n].value, sizeof d[n].value,
		    "alsa:plughw:CARD=%.31s,DEV=%d", id, dev);
		name = strchr(line, ':');
		name = name != NULL ? strchr(name + 1, ':') : NULL;
		snprintf(d[n].about, sizeof d[n].about, "%.90s", name != NULL ?
		    name + 2 : line);
		d[n].about[strcspn(d[n].about, ":\n")] = '\0';
		for (size_t e = strlen(d[n].about); e > 0 &&
		    d[n].about[e - 1] == ' '; e--)
			d[n].about[e - 1] = '\0';
		n++;
	}
	fclose(f);
	return n;
}

int
devices_dahdi(const char *proc, struct device *d, int max)
{
	char		 path[768], line[256];
	DIR		*dir;
	struct dirent	*e;
	FILE		*f;
	int		 n = 0;

	snprintf(path, sizeof path, "%s/dahdi", proc);
	if ((dir = opendir(path)) == NULL)
		return 0;
	while (n < max && (e = readdir(dir)) != NULL) {
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "%s/dahdi/%s", proc, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		if (fgets(line, sizeof line, f) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			snprintf(d[n].value, sizeof d[n].value, "%.90s", e->d_name);
			snprintf(d[n].about, sizeof d[n].about, "%.90s", line);
			n++;
		}
		fclose(f);
	}
	closedir(dir);
	return n;
}

void
devices_dahdi_note(const char *proc, char *buf, size_t len)
{
	struct device	d[DEVICES_MAX];
	int		n = devices_dahdi(proc, d, DEVICES_MAX);
	size_t		used;
	char		dir[512];

	snprintf(dir, sizeof dir, "%s/dahdi", proc);
	if (n == 0) {
		snprintf(buf, len, "DAHDI spans here: none (%s)",
		    access(dir, F_OK) != 0 ? "no /proc/dahdi: no card "
		    "driver loaded" : "no span configured");
		return;
	}
	snprintf(buf, len, "DAHDI spans here:");
	for (int i = 0; i < n; i++) {
		used = strlen(buf);
		snprintf(buf + used, len - used, "%s %s", i ? ";" : "",
		    d[i].about);
	}
}

int
devices_printers(struct device *d, int max)
{
	FILE	*p = popen("lpstat -e 2>/dev/null", "r");
	char	 line[256];
	int	 n = 0;

	if (p == NULL)
		return 0;
	while (n < max && fgets(line, sizeof line, p) != NULL) {
		line[strcspn(line, " \n")] = '\0';
		if (line[0] == '\0')
			continue;
		snprintf(d[n].value, sizeof d[n].value, "%.90s", line);
		snprintf(d[n].about, sizeof d[n].about, "CUPS destination");
		n++;
	}
	pclose(p);
	return n;
}

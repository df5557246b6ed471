/* test-setup-devices.c: setup/devices.c reads the ALSA playback devices
 * and the DAHDI spans from a /proc tree (here a made-up one): names the
 * wizard offers for a seat's audio, the spans it shows for a span. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "devices.h"
#include "tap.h"

static void
put(const char *root, const char *name, const char *text)
{
	char	 path[512];
	FILE	*f;

	snprintf(path, sizeof path, "%s/%s", root, name);
	if ((f = fopen(path, "w")) == NULL)
		return;
	fputs(text, f);
	fclose(f);
}

int
main(void)
{
	char		root[] = "/tmp/test-setup-devices-XXXXXX", dir[600], note[512];
	struct device	d[DEVICES_MAX];
	int		n;

	if (mkdtemp(root) == NULL)
		return 1;
	ok(devices_alsa(root, d, DEVICES_MAX) == 0, "no asound: no device");
	devices_dahdi_note(root, note, sizeof note);
	ok(strstr(note, "none (no /proc/dahdi") != NULL, "no dahdi: said (%s)",
	    note);

	snprintf(dir, sizeof dir, "%s/asound", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof dir, "%s/asound/card0", root);
	mkdir(dir, 0755);
	put(root, "asound/card0/id", "PCH\n");
	put(root, "asound/pcm",
	    "00-00: ALC3246 Analog : ALC3246 Analog : playback 1 : capture 1\n"
	    "00-03: HDMI 0 : HDMI 0 : playback 1\n"
	    "01-00: USB Mic : USB Mic : capture 1\n");
	n = devices_alsa(root, d, DEVICES_MAX);
	ok(n == 2, "two playback devices, the capture-only one left out (%d)",
	    n);
	ok(n >= 1 && strcmp(d[0].value, "alsa:plughw:CARD=PCH,DEV=0") == 0,
	    "named by the card's id and the device (%s)", d[0].value);
	ok(n >= 1 && strcmp(d[0].about, "ALC3246 Analog") == 0,
	    "with its name (%s)", d[0].about);
	ok(n == 2 && strcmp(d[1].value, "alsa:plughw:CARD=PCH,DEV=3") == 0,
	    "the second device (%s)", n == 2 ? d[1].value : "");

	snprintf(dir, sizeof dir, "%s/dahdi", root);
	mkdir(dir, 0755);
	devices_dahdi_note(root, note, sizeof note);
	ok(strstr(note, "none (no span configured)") != NULL,
	    "dahdi without spans: said (%s)", note);
	put(root, "dahdi/1", "Span 1: TE2/0/1 \"T2XXP (PCI) Card 0 Span 1\" "
	    "(MASTER) HDB3/CCS/CRC4\n\n           1 TE2/0/1/1 Clear\n");
	ok(devices_dahdi(root, d, DEVICES_MAX) == 1 &&
	    strcmp(d[0].value, "1") == 0, "one DAHDI span");
	devices_dahdi_note(root, note, sizeof note);
	ok(strstr(note, "DAHDI spans here: Span 1: TE2/0/1 \"T2XXP (PCI) Card 0 "
	    "Span 1\"") != NULL, "its first line shown (%s)", note);
	snprintf(dir, sizeof dir, "rm -rf '%s'", root);
	n = system(dir);
	return tap_done();
}

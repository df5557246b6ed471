/* devices.h: the hardware on this machine that answers may name: ALSA
 * playback devices (a seat's headset, from /proc/asound) and DAHDI spans
 * (a PRA card, from /proc/dahdi, absent without the driver), and the
 * CUPS printers the reports may print on. */
#ifndef CZ_SETUP_DEVICES_H
#define CZ_SETUP_DEVICES_H

#include <stddef.h>

#define DEVICES_MAX	16
#define DEVICES_PROC	"/proc"

/* "alsa:plughw:CARD=PCH,DEV=0" with a description, for each device. */
struct device {
	char	value[96];
	char	about[96];
};

/* PROC is where /proc is ("/proc"; a test's tree otherwise). */
int	devices_alsa(const char *proc, struct device *, int max);
int	devices_dahdi(const char *proc, struct device *, int max);
/* The CUPS destinations (`lpstat -e`), for the reports' printer. */
int	devices_printers(struct device *, int max);
/* One line saying what was found: "DAHDI spans here: Span 1: ..." or
 * "DAHDI spans here: none (no /proc/dahdi: no card driver loaded)". */
void	devices_dahdi_note(const char *proc, char *buf, size_t len);

#endif

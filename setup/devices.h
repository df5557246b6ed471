/* devices.h: the hardware on this machine that answers may name: ALSA
 * playback devices (a seat's headset, from /proc/asound) and DAHDI spans
 * (a PRA card, from /proc/dahdi, absent without the driver). */
#ifndef CZ_SETUP_DEVICES_H
#define CZ_SETUP_DEVICES_H

#include <stddef.h>

#define DEVICES_MAX	16

/* "alsa:plughw:CARD=PCH,DEV=0" with a description, for each device. */
struct device {
	char	value[96];
	char	about[96];
};

int	devices_alsa(struct device *, int max);
int	devices_dahdi(struct device *, int max);
/* One line saying what was found: "DAHDI spans: 1 (T2XXP (PCI) Card 0
 * Span 1)" or "DAHDI: none (no /proc/dahdi: driver not loaded)". */
void	devices_dahdi_note(char *buf, size_t len);

#endif

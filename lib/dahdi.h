/* dahdi.h: the pure parts of the DAHDI span driver (core/span-dahdi.c),
 * needing no DAHDI header: where a span's timeslots are among DAHDI's
 * channel numbers, the /etc/dahdi/system.conf that configures them, alarm
 * bits in words, and the config's rules for driver = dahdi
 * (docs/HARDWARE.md). */
#ifndef CZ_DAHDI_H
#define CZ_DAHDI_H

#include <stddef.h>
#include <stdio.h>
#include "config.h"

/* DAHDI's alarm bits (dahdi/user.h DAHDI_ALARM_*; span-dahdi.c checks that
 * they agree). */
#define CZ_DAHDI_ALARM_RECOVER	(1 << 0)
#define CZ_DAHDI_ALARM_LOOPBACK	(1 << 1)
#define CZ_DAHDI_ALARM_YELLOW	(1 << 2)
#define CZ_DAHDI_ALARM_RED	(1 << 3)
#define CZ_DAHDI_ALARM_BLUE	(1 << 4)
#define CZ_DAHDI_ALARM_NOTOPEN	(1 << 5)
#define CZ_DAHDI_ALARM_LOS	(1 << 8)
#define CZ_DAHDI_ALARM_LFA	(1 << 9)
#define CZ_DAHDI_ALARM_LMFA	(1 << 10)

/* Channels DAHDI gives a span of TYPE (enum cfg_span_type): every
 * timeslot but E1's framing timeslot 0: 31 on E1, 24 on T1. */
int	dahdi_span_chans(int type);
/* The timeslot of the D-channel: 16 on E1, 24 on T1. */
int	dahdi_dchan_ts(int type);
/* B-channel I (0-based, 0..29 on E1, 0..22 on T1) <-> its timeslot (E1
 * skips 16: 1-15, 17-31; T1 1-23). -1 when out of range (or the D). */
int	dahdi_bchan_ts(int type, int i);
int	dahdi_ts_bchan(int type, int ts);
/* The first DAHDI channel number of DAHDI span N: DAHDI numbers the
 * channels of its spans one after another, so every span below N must be
 * a configured dahdi span (dahdi_check_span() makes sure). -1 if not. */
int	dahdi_span_base(const struct config *, int n);
/* The DAHDI channel number of timeslot TS of a span starting at BASE. */
int	dahdi_channel(int base, int ts);
/* The alarm bits in words ("red, loss of signal"), "" for none. */
const char *dahdi_alarm_text(int alarms, char *buf, size_t len);
/* What the span's layer 1 does when DAHDI reports alarms NOW after PREV
 * (-1: never read) with layer 1 up or not (L1_UP): any alarm is layer 1
 * down, none is up. */
enum dahdi_alarm_step { DAHDI_STEP_NONE, DAHDI_STEP_UP, DAHDI_STEP_DOWN,
	DAHDI_STEP_STILL_DOWN };	/* still down: the alarms changed */
enum dahdi_alarm_step dahdi_alarm_step(int prev, int l1_up, int now);
/* The card's span as DAHDI_SPANSTAT tells it (TOTALCHANS channels,
 * SPANTYPE "E1", "T1", "J1", "BRI"... or "" on old drivers) against the
 * [span]'s type: 0, or -1 and why (the port's line mode is wrong). */
int	dahdi_check_card(const struct cfg_span *, int totalchans,
	    const char *spantype, char *why, size_t len);
/* The rules of one [span] for the DAHDI driver, against the others;
 * BUILT says whether this build has the driver. 0, or -1 and why. */
int	dahdi_check_span(const struct config *, const struct cfg_span *,
	    int built, char *why, size_t len);
/* Writes the system.conf text for the config's dahdi spans; returns how
 * many spans (0: none, with a comment saying so). */
int	dahdi_system_conf(const struct config *, FILE *);

#endif

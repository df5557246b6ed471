# installed-config.sed: the default configuration (data/centrala.ini) with
# the paths of an installed core, for SYSCONFDIR/centrala/centrala.ini.
# @localstatedir@ is put in by the Makefile.
s|^state_dir = state$|state_dir = @localstatedir@/lib/centrala\
; the systemd unit's RuntimeDirectory: the clients find the socket here\
run_dir = /run/centrala\
; agents and supervisors are members (docs/ADMIN.md)\
socket_group = centrala-agents\
; the journal (journalctl -u centrala), or a file under state_dir\
log_file = syslog|

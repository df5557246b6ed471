/* server.c: the clients' listening socket in the run directory, guarded by
 * a lock file so that two cores never share one state directory. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <event2/event.h>
#include "cmd.h"
#include "conn.h"
#include "core.h"
#include "log.h"
#include "server.h"

static int		 server_fd = -1;
static int		 server_lock = -1;
static struct event	*server_ev;

static void
server_accept_cb(evutil_socket_t lfd, short what, void *arg)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd >= 0)
		conn_new(fd, cmd_dispatch);
	else if (errno != EAGAIN)
		log_warn("accept: %s", strerror(errno));
}

static int
server_take_lock(char *err, size_t errlen)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/core.lock", core.run_dir);
	server_lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (server_lock < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (flock(server_lock, LOCK_EX | LOCK_NB) != 0) {
		snprintf(err, errlen, "another core is already running with "
		    "run directory %s", core.run_dir);
		return -1;
	}
	return 0;
}

int
server_listen(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };

	if (server_take_lock(err, errlen) != 0)
		return -1;
	if (strlen(path) >= sizeof sun.sun_path) {
		snprintf(err, errlen, "%s: path too long for a Unix socket "
		    "(at most %zu bytes): use a shorter state_dir", path,
		    sizeof sun.sun_path - 1);
		return -1;
	}
	strcpy(sun.sun_path, path);
	server_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (server_fd < 0 || (unlink(path) != 0 && errno != ENOENT) ||
	    bind(server_fd, (struct sockaddr *)&sun, sizeof sun) != 0 ||
	    chmod(path, 0660) != 0 || listen(server_fd, 128) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	server_ev = event_new(core.base, server_fd, EV_READ | EV_PERSIST,
	    server_accept_cb, NULL);
	event_add(server_ev, NULL);
	log_info("listening for clients on %s", path);
	return 0;
}

void
server_close(void)
{
	if (server_ev != NULL)
		event_free(server_ev);
	if (server_fd >= 0) {
		close(server_fd);
		unlink(core.sock_path);
	}
	if (server_lock >= 0)
		close(server_lock);
	server_ev = NULL;
	server_fd = server_lock = -1;
}

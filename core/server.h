/* server.h: the clients' listening socket. */
#ifndef CZ_SERVER_H
#define CZ_SERVER_H

int	server_listen(const char *path, char *err, size_t errlen);
void	server_close(void);

#endif

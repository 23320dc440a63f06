# An S3-compatible server (moto) on a loopback port, for the lease tests (S3LeasesTest).
# Single-threaded on purpose: moto checks If-None-Match / If-Match and then writes in two steps,
# which is a compare-and-swap only when no other request runs in between.
import sys
from moto.server import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

server = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app), threaded=False)
print("listening %d" % server.server_port, flush=True)
server.serve_forever()

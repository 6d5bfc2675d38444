"""An SMTP server for the Kairos email tests that misbehaves on purpose (aiosmtpd).

    python modes.py PORT MAILDIR MODE [SECONDS]

Every message it accepts lands as one file in MAILDIR/new, as with aiosmtpd's Mailbox
handler. MODE says how it answers:

    ok        store, answer 250 at once
    late      store, answer 250 after SECONDS (a server slow to confirm)
    drop      store, then close the connection without answering (the client cannot
              know the message was kept)
    refuse    answer 451 (try again later) to every recipient, store nothing
    hang      accept connections and never say a word, not even the greeting
"""

import asyncio
import mailbox
import sys

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, maildir, mode, seconds):
        self.maildir = mailbox.Maildir(maildir, create=True)
        self.mode = mode
        self.seconds = seconds

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode == "refuse":
            return "451 4.3.0 Kairos test: mail service unavailable, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.maildir.add(envelope.original_content)
        if self.mode == "late":
            await asyncio.sleep(self.seconds)
        elif self.mode == "drop":
            server.transport.abort()
            await asyncio.sleep(3600)
        return "250 Message accepted for delivery"


async def hang(port):
    async def silent(reader, writer):
        await asyncio.sleep(24 * 3600)

    server = await asyncio.start_server(silent, "127.0.0.1", port)
    async with server:
        await server.serve_forever()


def main():
    port, maildir, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    if mode == "hang":
        asyncio.run(hang(port))
        return
    controller = Controller(Handler(maildir, mode, seconds), hostname="127.0.0.1", port=port)
    controller.start()
    asyncio.new_event_loop().run_forever()


if __name__ == "__main__":
    main()

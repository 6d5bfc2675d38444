"""Prints the messages in a maildir as JSON: for each, its recipient, subject, the
language and direction its HTML part declares, its plain text, and the SUMMARY of the
invitation it carries (read with Python's icalendar, independently of Kairos).

    python tests/browser/maildir.py MAILDIR
"""

import email
import email.header
import email.utils
import json
import os
import re
import sys

import icalendar

out = []
for sub in ("new", "cur"):
    folder = os.path.join(sys.argv[1], sub)
    if not os.path.isdir(folder):
        continue
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            msg = email.message_from_bytes(handle.read())
        found = {
            "to": email.utils.parseaddr(msg["To"])[1],
            "subject": str(email.header.make_header(email.header.decode_header(msg["Subject"]))),
            "text": "",
            "lang": None,
            "dir": None,
            "summary": None,
        }
        for part in msg.walk():
            kind = part.get_content_type()
            if kind == "text/plain":
                found["text"] = part.get_payload(decode=True).decode()
            elif kind == "text/html":
                html = part.get_payload(decode=True).decode()
                root = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', html)
                if root:
                    found["lang"], found["dir"] = root.group(1), root.group(2)
            elif kind == "text/calendar":
                calendar = icalendar.Calendar.from_ical(part.get_payload(decode=True))
                event = next(iter(calendar.walk("VEVENT")))
                found["summary"] = str(event["SUMMARY"])
        out.append(found)
print(json.dumps(out))

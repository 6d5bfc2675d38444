error-required = ist erforderlich
error-taken = ist bereits vergeben; bitte wählen Sie etwas anderes
error-one-line = muss eine Zeile ohne Steuerzeichen sein
error-whole-number = muss eine ganze Zahl sein
error-text = muss Text sein
error-true-or-false = muss wahr oder falsch sein
error-password-mismatch = stimmt nicht mit dem Passwort überein
error-email = muss eine E-Mail-Adresse sein, etwa name@example.org
error-time-zone = muss eine IANA-Zeitzone sein, etwa Europe/Berlin oder America/New_York
error-at-most-characters = darf höchstens { $max } Zeichen lang sein
error-characters-between = muss { $min } bis { $max } Zeichen lang sein
error-between = muss zwischen { $min } und { $max } liegen
error-on-one-line = muss in einer Zeile stehen
error-characters-long = muss { $min } bis { $max } Zeichen lang sein

error-date = muss ein Datum sein, etwa 2026-03-30 (JJJJ-MM-TT)
error-year = muss zwischen den Jahren { $min } und { $max } liegen
error-instant = muss ein Zeitpunkt nach RFC 3339 sein, etwa 2026-03-30T09:00:00Z
error-whole-second = muss eine volle Sekunde sein (Kairos speichert keine Sekundenbruchteile)

error-at-most = darf höchstens { $max } sein
error-number = muss eine Zahl sein
error-phone = muss eine Telefonnummer sein, etwa +49 30 1234567
error-international-phone = muss eine Telefonnummer in internationaler Form sein, etwa +49301234567
error-one-of = muss eines der folgenden sein: { $choices }
error-language = muss eines von en, de, fr, es, pt-BR, nl oder ar sein
error-slug = darf nur Kleinbuchstaben, Ziffern und - enthalten und nicht mit - beginnen
error-member-or-admin = muss Mitglied oder Administrator sein
error-json-object = muss ein JSON-Objekt sein
error-invalid-link = ungültiger Link

error-password-short = muss mindestens { $min } Zeichen lang sein
error-password-long = darf höchstens { $max } Byte lang sein
error-password-one-character = darf nicht aus einem einzigen wiederholten Zeichen bestehen
error-password-common = steht auf der Liste häufig verwendeter Passwörter; bitte wählen Sie ein anderes

outbound-invalid-url = ist keine gültige URL
outbound-scheme = muss mit http:// oder https:// beginnen (nicht { $scheme }://)
outbound-credentials = darf keinen Benutzernamen und kein Passwort enthalten
outbound-no-host = hat keinen Host
outbound-unresolved = hat einen Host, { $host }, der sich nicht auflösen lässt: { $error }
outbound-refusal = { $refusal ->
        [loopback] eine Loopback-Adresse
        [unspecified] eine unspezifizierte Adresse
        [link-local] eine Link-Local-Adresse
        [cloud-metadata] eine Cloud-Metadaten-Adresse
        [multicast] eine Multicast-Adresse
        [broadcast] die Broadcast-Adresse
        [documentation] eine für Dokumentation reservierte Adresse
        [benchmarking] eine für Leistungstests reservierte Adresse
        [private] eine Adresse in einem privaten Netz (ein Administrator kann diese in den Einstellungen der Instanz erlauben)
        [wrapped] { $wrapper ->
            [ipv4-compatible] eine IPv4-kompatible Adresse, die { $ipv4 } enthält
            [ipv4-translated] eine IPv4-übersetzte Adresse, die { $ipv4 } enthält
            [six-to-four] eine 6to4-Adresse, die { $ipv4 } enthält
           *[teredo] eine Teredo-Adresse, die { $ipv4 } enthält
        }
       *[reserved] eine reservierte Adresse
    }
outbound-refused = zeigt auf { $target }, { outbound-refusal }; dorthin sendet Kairos nicht

error-too-many-dates = { $max ->
        [one] darf höchstens { $max } Datum enthalten
       *[other] darf höchstens { $max } Daten enthalten
    }
error-after-start = muss nach dem Beginn liegen
error-within-a-year = darf höchstens ein Jahr nach dem Beginn liegen
error-range-days = { $max ->
        [one] der Zeitraum darf höchstens { $max } Tag umfassen
       *[other] der Zeitraum darf höchstens { $max } Tage umfassen
    }

# Konten, die Ersteinrichtung und die Instanzeinstellungen.

error-first-day = muss Montag, Sonntag oder Samstag sein
error-time-format = muss 12 oder 24 sein
error-current-password = ist nicht Ihr aktuelles Passwort
error-new-password-mismatch = stimmt nicht mit dem neuen Passwort überein
error-email-registered = gehört bereits zu einem Konto
error-setup-time-zone = muss eine IANA-Zeitzone sein, etwa Europe/Berlin
error-installation = muss gemeinsam, Büro oder persönlich sein
error-signup-mode = muss geschlossen oder auf Einladung sein
error-require-mfa = muss aus, Administratoren oder alle sein
error-too-many-sites = { $max ->
        [one] darf höchstens { $max } Website nennen
       *[other] darf höchstens { $max } Websites nennen
    }
error-origin-scheme = { $origin } muss mit https:// oder http:// beginnen
error-origin = { $origin } ist kein Ursprung wie https://www.example.org (ohne Pfad)
error-retention-years = muss eine ganze Zahl von Jahren von { $min } bis { $max } sein
error-hourly-cap = muss eine ganze Zahl von 0 (keine Grenze) bis { $max } sein
error-idle-minutes = muss einer der Werte { $choices } Minuten sein

# Die Anmelde-App eines Administrators (Google, Microsoft, Zoom).

error-app-credential = { $max ->
        [one] muss ein Wort mit höchstens { $max } Zeichen sein, so wie der Anbieter es anzeigt
       *[other] muss ein Wort mit höchstens { $max } Zeichen sein, so wie der Anbieter es anzeigt
    }
error-tenant = muss die Verzeichnis-ID (Mandant), eine Domain wie contoso.onmicrosoft.com oder common sein
error-username-characters = darf nur Kleinbuchstaben, Ziffern, - und _ enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen
error-username-reserved = ist reserviert; bitte einen anderen wählen
error-language-any = muss einer der Werte en, de, fr, es, pt-BR, nl, ar oder en-XA sein

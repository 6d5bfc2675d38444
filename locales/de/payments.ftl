# Zahlungen: Preise, Stripe Checkout, Erstattungen und Ausfallgebühren.

pay-status-awaiting = Zahlung ausstehend
pay-status-expired = Zahlung abgelaufen
pay-page-awaiting = Wir warten auf Ihre Zahlung
pay-page-awaiting-lead = Ihre Zeit ist reserviert, während Sie bezahlen. Sobald die Zahlung eingeht, ist die Buchung bestätigt und Sie erhalten eine E-Mail.
pay-page-expired = Die Zahlung ist nicht rechtzeitig eingegangen
pay-page-expired-lead = Die Zeit wurde wieder freigegeben. Sie können erneut buchen.
pay-email-refunded = Erstattung
pay-email-attendee-refunded = Von Ihrer Zahlung für { $title } werden Ihnen { $amount } erstattet. Je nach Bank erscheint die Gutschrift innerhalb von 5 bis 10 Tagen auf Ihrem Kontoauszug.
pay-email-late-payment = Ihre Zahlung ist erst eingegangen, nachdem die für Sie reservierte Zeit abgelaufen war, und inzwischen hat jemand anderes diese Zeit gebucht. Deshalb wurde Ihre Zahlung vollständig erstattet. Sie können gern eine andere Zeit buchen.
pay-page-payment = Zahlung
pay-page-pay-now = Jetzt bezahlen
pay-page-could-not-start = Die Zahlungsseite konnte nicht geöffnet werden, deshalb wurde die Zeit wieder freigegeben. Bitte versuchen Sie es in einigen Minuten erneut.
pay-page-paid-notice = Vielen Dank. Stripe bestätigt gerade Ihre Zahlung; diese Seite zeigt sie an, sobald sie eingegangen ist.
pay-line-awaiting = { $amount }, noch nicht bezahlt
pay-line-card-awaiting = Ausfallgebühr von { $amount }: noch keine Karte hinterlegt
pay-line-paid = { $amount }, bezahlt
pay-line-partly-refunded = { $amount }, bezahlt; { $refunded } erstattet
pay-line-card-saved = Karte für eine Ausfallgebühr von { $amount } hinterlegt; es wurde nichts belastet
pay-line-refunded = { $amount }, erstattet
pay-line-no-show-charged = Ausfallgebühr von { $amount }, belastet
pay-line-expired = { $amount }, nicht rechtzeitig bezahlt
pay-line-failed = { $amount }, die Zahlung konnte nicht ausgeführt werden
pay-not-set-up = Diese Terminart ist kostenpflichtig, aber Zahlungen sind noch nicht eingerichtet. Bitte wenden Sie sich an den Gastgeber.
pay-email-paid = Bezahlt: { $amount }. Stripe schickt Ihnen die Quittung.
pay-email-card-kept = Ihre Karte ist für eine Ausfallgebühr von { $amount } hinterlegt; sie wird nur belastet, wenn Sie den Termin ohne Absage versäumen.

## Dashboard und Buchungsseite

pay-admin-intro = Terminarten mit Preis nehmen Zahlungen über Stripe Checkout entgegen, die Zahlungsseite von Stripe selbst. Solange Stripe hier nicht eingerichtet ist, nehmen Terminarten mit Preis keine Buchungen an.
pay-admin-test-mode = Testmodus
pay-admin-live-mode = Live-Modus
pay-admin-test-mode-hint = Der gespeicherte Schlüssel ist ein Testschlüssel: Stripe nimmt nur seine Testkarten an, und es fließt kein Geld.
pay-admin-live-mode-hint = Der gespeicherte Schlüssel ist ein Live-Schlüssel: Echte Karten werden belastet.
pay-admin-secret-key = Geheimer Schlüssel
pay-admin-secret-key-hint = Aus dem Stripe-Dashboard unter „API-Schlüssel“: ein geheimer Schlüssel (sk_test_… zum Ausprobieren, sk_live_… für echte Zahlungen) oder ein eingeschränkter Schlüssel.
pay-admin-webhook-secret = Signaturgeheimnis des Webhooks
pay-admin-webhook-secret-hint = Das Signaturgeheimnis des Endpunkts, den Sie bei Stripe anlegen (siehe unten). Es beginnt mit whsec_.
pay-admin-hold = Reservierung während der Zahlung (Minuten)
pay-admin-hold-hint = Wie lange eine Buchung, die auf ihre Zahlung wartet, ihre Zeit behält: 5 bis 1440 Minuten.
pay-admin-remove = Stripe entfernen: Terminarten mit Preis nehmen keine Buchungen an, bis es wieder eingerichtet ist
pay-admin-save = Stripe speichern
pay-admin-check = Verbindung prüfen
pay-admin-at-stripe = Bei Stripe
pay-admin-step-endpoint = Öffnen Sie im Stripe-Dashboard { $webhooks } und fügen Sie einen Endpunkt mit dieser URL hinzu:
pay-admin-webhook-url = URL des Webhook-Endpunkts
pay-admin-step-events = Wählen Sie die Ereignisse { $completed } und { $expired } aus.
pay-admin-step-secret = Lassen Sie sich das { $secret } des Endpunkts anzeigen und fügen Sie es oben ein.
pay-admin-leaves = Was dieses Gerät verlässt: Für jede bezahlte Buchung gehen die E-Mail-Adresse der eingeladenen Person, der Titel der Terminart, der Preis und die Kennung der Buchung an Stripe. Kartendaten werden auf der Seite von Stripe eingegeben und erreichen Kairos nie.
pay-admin-check-ok = Verbunden: Der Schlüssel gehört zum Stripe-Konto { $account }.
pay-admin-check-refused = Stripe hat den Schlüssel abgelehnt: { $reason } (HTTP { $status }).
pay-admin-check-unreachable = Stripe war nicht erreichbar: { $reason }.
pay-admin-check-not-set-up = Stripe ist noch nicht eingerichtet: Speichern Sie zuerst einen geheimen Schlüssel.
pay-admin-error-secret-key = muss ein geheimer Stripe-Schlüssel (sk_test_…, sk_live_…) oder ein eingeschränkter Schlüssel (rk_…) sein
pay-admin-error-webhook-secret = muss das Signaturgeheimnis des Endpunkts sein, das mit whsec_ beginnt
pay-admin-error-hold = muss eine ganze Zahl von Minuten zwischen { $min } und { $max } sein
pay-flash-stripe-removed = Stripe wurde entfernt. Terminarten mit Preis nehmen keine Buchungen an, bis es wieder eingerichtet ist.

pay-et-section = Zahlung
pay-et-intro = Lassen Sie den Preis leer, wenn die Terminart kostenlos ist. Eingeladene bezahlen beim Buchen auf der sicheren Seite von Stripe; Kartendaten erreichen Kairos nie.
pay-et-not-set-up = Zahlungen sind auf diesem Kairos noch nicht eingerichtet. Sie können schon einen Preis speichern, aber diese Terminart nimmt keine Buchungen an, bis eine Administratorin oder ein Administrator Stripe einrichtet.
pay-et-set-up-link = Stripe einrichten
pay-et-price = Preis
pay-et-price-hint = In der Haupteinheit der Währung, etwa 49.90. Leer: kostenlos.
pay-et-currency = Währung
pay-et-currency-hint = Ihr Code aus drei Buchstaben, etwa EUR, USD oder CHF.
pay-et-mode = Wann bezahlt wird
pay-et-mode-pay-now = Beim Buchen: Die Buchung ist bestätigt, sobald sie bezahlt ist
pay-et-mode-no-show = Nur bei Nichterscheinen: Die Karte wird hinterlegt und nur belastet, wenn die eingeladene Person nicht kommt
pay-et-refunds = Erstattung bei Absage durch die eingeladene Person
pay-et-refund-hours = Stunden vor Beginn für volle Erstattung
pay-et-refund-hours-hint = Eine Absage mindestens so viele Stunden vor Beginn wird voll erstattet. 0: jede Absage vor Beginn.
pay-et-late-percent = Erstattung bei späterer Absage (%)
pay-et-late-percent-hint = Von 0 (nichts) bis 100 (alles). Sagt ein Gastgeber ab, wird alles erstattet.
pay-et-no-show-badge = Ausfallgebühr { $amount }
pay-et-error-amount = muss ein Betrag wie 50 oder 49.90 sein
pay-et-error-decimals =
    { $decimals ->
        [0] muss in { $currency } ein ganzer Betrag sein
        [one] darf in { $currency } höchstens { $decimals } Nachkommastelle haben
       *[other] darf in { $currency } höchstens { $decimals } Nachkommastellen haben
    }
pay-et-error-too-large = darf höchstens { $max } betragen
pay-et-error-positive = muss größer als null sein
pay-et-error-step = muss ein Vielfaches von { $step } sein
pay-et-error-currency = muss ein Währungscode wie EUR, USD oder CHF sein

pay-bk-title = Zahlung
pay-bk-amount = Preis
pay-bk-mode = Art
pay-bk-mode-pay-now = Beim Buchen bezahlt
pay-bk-mode-no-show = Ausfallgebühr, Karte hinterlegt
pay-bk-held-until = Zeit reserviert bis
pay-bk-charged = Belastet
pay-bk-refunded = Erstattet
pay-bk-policy = Erstattungsregel
pay-bk-policy-always = Volle Erstattung bei jeder Absage vor Beginn
pay-bk-policy-hours =
    { $hours ->
        [one] Volle Erstattung bis { $hours } Stunde vor Beginn; danach { $percent } %
       *[other] Volle Erstattung bis { $hours } Stunden vor Beginn; danach { $percent } %
    }
pay-bk-status-paid = Bezahlt
pay-bk-status-partly-refunded = Teilweise erstattet
pay-bk-status-card-saved = Karte hinterlegt
pay-bk-status-refunded = Erstattet
pay-bk-status-no-show-charged = Ausfallgebühr belastet
pay-bk-status-failed = Zahlung fehlgeschlagen
pay-bk-refunds = Erstattungen
pay-bk-refund-pending = An Stripe übermittelt
pay-bk-refund-succeeded = Erstattet
pay-bk-refund-failed = Fehlgeschlagen
pay-bk-reason-host = durch einen Gastgeber
pay-bk-reason-cancelled = Absage
pay-bk-reason-late-payment = zu spät bezahlt
pay-bk-refund = Erstatten
pay-bk-refund-amount = Zu erstattender Betrag
pay-bk-refund-hint = Bis zu { $max }. Stripe erstattet den Betrag auf die Karte der eingeladenen Person.
pay-bk-refund-button = Erstatten
pay-bk-refund-confirm = Diesen Betrag der eingeladenen Person erstatten? Das lässt sich nicht rückgängig machen.
pay-bk-refund-error = muss ein Betrag von { $min } bis { $max } sein
pay-bk-nothing-to-refund = Von dieser Zahlung ist nichts mehr zu erstatten.
pay-flash-refund-planned = Die Erstattung ist auf dem Weg zu Stripe. Sie wird als erstattet angezeigt, sobald Stripe sie bestätigt.
pay-bk-no-show = Nicht erschienen
pay-bk-no-show-text = Hält fest, dass die eingeladene Person nicht gekommen ist.
pay-bk-no-show-fee = Wenn Sie die eingeladene Person als nicht erschienen markieren, wird die hinterlegte Karte mit { $amount } belastet.
pay-bk-no-show-button = Als nicht erschienen markieren
pay-bk-no-show-confirm = Die eingeladene Person als nicht erschienen markieren?
pay-bk-no-show-marked = Die eingeladene Person wurde als nicht erschienen markiert.
pay-flash-no-show = Die eingeladene Person wurde als nicht erschienen markiert.

pay-booker-price-no-show = Ausfallgebühr: { $amount }
pay-booker-pay-now =
    { $minutes ->
        [one] Nach dem Absenden bezahlen Sie { $amount } auf der sicheren Zahlungsseite von Stripe. Ihre Zeit bleibt dafür { $minutes } Minute lang für Sie reserviert.
       *[other] Nach dem Absenden bezahlen Sie { $amount } auf der sicheren Zahlungsseite von Stripe. Ihre Zeit bleibt dafür { $minutes } Minuten lang für Sie reserviert.
    }
pay-booker-no-show =
    { $minutes ->
        [one] Nach dem Absenden hinterlegen Sie eine Karte auf der sicheren Seite von Stripe. Jetzt wird nichts belastet: Die Karte wird nur mit { $amount } belastet, wenn Sie nicht kommen. Ihre Zeit bleibt dafür { $minutes } Minute lang für Sie reserviert.
       *[other] Nach dem Absenden hinterlegen Sie eine Karte auf der sicheren Seite von Stripe. Jetzt wird nichts belastet: Die Karte wird nur mit { $amount } belastet, wenn Sie nicht kommen. Ihre Zeit bleibt dafür { $minutes } Minuten lang für Sie reserviert.
    }
pay-booker-refund-always = Wenn Sie vor Beginn absagen, wird Ihnen alles erstattet.
pay-booker-refund-none-late =
    { $hours ->
        [one] Wenn Sie mindestens { $hours } Stunde vor Beginn absagen, wird Ihnen alles erstattet; spätere Absagen werden nicht erstattet.
       *[other] Wenn Sie mindestens { $hours } Stunden vor Beginn absagen, wird Ihnen alles erstattet; spätere Absagen werden nicht erstattet.
    }
pay-booker-refund-part-late =
    { $hours ->
        [one] Wenn Sie mindestens { $hours } Stunde vor Beginn absagen, wird Ihnen alles erstattet; danach werden { $percent } % erstattet.
       *[other] Wenn Sie mindestens { $hours } Stunden vor Beginn absagen, wird Ihnen alles erstattet; danach werden { $percent } % erstattet.
    }
pay-booker-continue = Weiter zur Zahlung

# Why a payment setting, price, refund or no-show was refused.
pay-error-not-set-up = dieser Termintyp ist kostenpflichtig, und Zahlungen sind noch nicht eingerichtet
pay-error-no-show-confirmed-only = nur eine bestätigte Buchung kann als nicht erschienen markiert werden
pay-error-no-show-not-started = „Nicht erschienen“ kann erst markiert werden, wenn der Termin begonnen hat
pay-error-no-show-marked = diese Person wurde bereits als nicht erschienen markiert
pay-error-refund-hours = darf höchstens 8760 Stunden (ein Jahr) betragen
pay-error-percent = muss eine ganze Zahl von 0 bis 100 sein
pay-error-secret-key = muss ein geheimer Stripe-Schlüssel (sk_test_…, sk_live_…) oder ein eingeschränkter Schlüssel (rk_…) sein
pay-error-webhook-secret = muss das Signatur-Geheimnis des Endpunkts sein, das mit whsec_ beginnt
pay-error-hold-minutes = muss eine ganze Zahl von 5 bis 1440 Minuten sein
pay-page-paid-thanks = Vielen Dank: Ihre Zahlung ist eingegangen.

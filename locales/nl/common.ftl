page-title = { $page } · Kairos
skip-to-content = Naar de inhoud
scheduling-by-kairos = Afspraken plannen met Kairos
language-menu-label = Taal
language-menu-change = Wijzigen
nav-label = Hoofdmenu
nav-home = Start
nav-event-types = Afspraaktypen
nav-availability = Beschikbaarheid
nav-calendars = Agenda's
nav-bookings = Boekingen
nav-workflows = Werkstromen
nav-teams = Teams
nav-settings = Instellingen
nav-admin = Beheer
sign-out = Afmelden
idle-title = Bent u er nog?
idle-text = Voor uw veiligheid wordt u over { $seconds } seconden afgemeld.
idle-stay = Aangemeld blijven
copy = Kopiëren
form-correct-fields = Corrigeer de gemarkeerde velden.
profile-language = Taal
profile-language-organization = De taal van de organisatie
settings-default-language = Standaardtaal
settings-default-language-hint = Voor boekingspagina's als de browser om geen taal vraagt die Kairos spreekt, en voor wie er geen koos.

# A field's error under it: the field's label, then why it was refused.
field-error = { $label } { $reason }

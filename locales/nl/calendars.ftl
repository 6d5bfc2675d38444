cal-intro = Afspraken in uw eigen agenda's blokkeren de tijden die mensen kunnen boeken, en nieuwe boekingen kunnen in een van die agenda's worden gezet. Kairos synchroniseert om de paar minuten.
cal-your-calendars = Uw agenda's
cal-empty = Geen agenda's gekoppeld
cal-empty-text = Koppel hieronder een account of voeg een ICS-feed toe, dan kan niemand u op uw bezette tijden boeken.
cal-provider-ics = ICS-feed
cal-status-reconnect = Moet opnieuw gekoppeld worden
cal-status-failing = Synchronisatie mislukt
cal-status-waiting = Wacht op de eerste synchronisatie
cal-status-synced = Gesynchroniseerd
cal-destination = Nieuwe boekingen worden gezet in { $calendar } ({ $address }).
cal-destination-none = Nieuwe boekingen worden in geen van uw agenda's gezet. Kies ‘{ $button }’ bij een van uw gekoppelde agenda's om ze daar te krijgen.
cal-calendar = Agenda
cal-blocks-slots = De afspraken blokkeren uw tijden
cal-not-checked = Niet gecontroleerd op conflicten
cal-read-only = Alleen-lezen
cal-written-here = Nieuwe boekingen komen hier
cal-not-destination = Geen bestemming mogelijk: { $reason }
cal-check-conflicts = Controleren op conflicten
cal-stop-writing = Geen boekingen meer hier zetten
cal-write-here = Nieuwe boekingen hier zetten
cal-error-on-or-off = moet aan of uit zijn
cal-no-access = Kairos heeft geen toegang meer:
cal-no-access-text = Totdat u het opnieuw koppelt, blokkeren de afspraken ervan uw tijden niet en worden er geen boekingen in gezet.
cal-connect-again = Opnieuw koppelen
cal-last-sync-failed = De laatste synchronisatie is mislukt:
cal-failed-times = { $count ->
    [one] Ze is { $count } keer achter elkaar mislukt.
   *[other] Ze is { $count } keer achter elkaar mislukt.
}
cal-retry-text = Kairos probeert het zelf opnieuw en wacht na elke mislukking langer (hoogstens zes uur).
cal-last-success = Laatste geslaagde synchronisatie
cal-next-sync = Volgende synchronisatie
cal-not-yet = Nog niet
cal-not-planned = Niet gepland
cal-zoom-text = Videogesprekken: afspraaktypen met Zoom als locatie krijgen voor elke boeking een Zoom-vergadering in dit account, die met de boeking wordt verzet en verwijderd.
cal-no-calendars-listed = De server toont nog geen agenda's voor dit account.
cal-sync-now = Nu synchroniseren
cal-disconnect = Ontkoppelen
cal-disconnect-confirm = Dit account ontkoppelen? Kairos vergeet de toegang en de gekopieerde afspraken.
cal-options = Opties
cal-sync-cancellations-title = Boekingen annuleren die in deze agenda zijn verwijderd
cal-sync-cancellations-text = Als u de afspraak van een boeking in uw agenda verwijdert, wordt de boeking geannuleerd en de genodigde op de hoogte gebracht, 15 minuten nadat Kairos het opmerkt (zet de afspraak vóór die tijd terug om de boeking te houden).
cal-sync-cancellations = Annuleringen synchroniseren
cal-live-check-title = De agenda raadplegen vóór elke boeking
cal-live-check-text = Voordat een boeking wordt gemaakt of verzet, vraagt Kairos uw bestemmingsagenda hoogstens 3 seconden lang naar wijzigingen sinds de laatste synchronisatie. Antwoordt die niet op tijd, dan gaat de boeking gewoon door.
cal-live-check = Live controle
cal-connect-sign-in = Koppelen door in te loggen
cal-connect-sign-in-text = U logt in bij de dienst en staat Kairos toe de bezette tijden van uw agenda's te lezen en uw boekingen erin te zetten (bij Zoom: voor elke boeking een vergadering te maken). Kairos bewaart de toegang versleuteld; u kunt op elk moment ontkoppelen.
cal-connect-vendor = { $vendor } koppelen
cal-not-connected = Niet gekoppeld: { $reason }.
cal-vendor-not-set-up = { $vendor } is niet ingesteld op deze installatie: vraag het een beheerder
cal-vendor-unknown-state = het inloggen bij { $vendor } is hier niet afgerond of duurde te lang: begin opnieuw
cal-vendor-access-not-allowed = { $vendor }: de toegang is niet toegestaan
cal-vendor-no-access-granted = { $vendor }: er is geen toegang verleend
cal-vendor-refused = { $vendor } heeft het verzoek geweigerd: { $detail }
cal-vendor-revoked = { $vendor } accepteert de toegang van Kairos niet meer: koppel het account opnieuw
cal-vendor-unreachable = { $vendor } was niet bereikbaar: { $detail }
cal-vendor-credentials = de opgeslagen toegang kan niet worden geopend met de sleutel van deze installatie
cal-caldav-title = Een CalDAV-account koppelen
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo en andere CalDAV-servers. Kairos leest uw afspraken en kan nieuwe boekingen in één agenda zetten.
cal-server-address = Serveradres
cal-server-address-hint = De hostnaam is genoeg: Kairos vindt uw agenda's.
cal-username = Gebruikersnaam
cal-app-password = App-wachtwoord
cal-app-password-hint = Niet uw hoofdwachtwoord, maar een apart wachtwoord dat u kunt intrekken. Kairos bewaart het versleuteld en toont het nooit meer.
cal-app-password-help = Waar krijg ik een app-wachtwoord?
cal-help-nextcloud = Instellingen → Beveiliging → Apparaten & sessies → Nieuw app-wachtwoord aanmaken.
cal-help-icloud = account.apple.com → Inloggen en beveiliging → App-specifieke wachtwoorden. De server is caldav.icloud.com.
cal-help-fastmail = Instellingen → Privacy & beveiliging → App-wachtwoorden beheren → Nieuw app-wachtwoord, met toegang tot CalDAV.
cal-connect-account = Account koppelen
cal-feed-title = Een ICS-feed toevoegen
cal-feed-text = Een alleen-lezen agenda-adres: de afspraken blokkeren uw tijden, maar er kunnen geen boekingen in worden gezet.
cal-feed-address = Feedadres
cal-feed-address-hint = Behandel het als een wachtwoord: iedereen die het heeft, kan de agenda lezen. Kairos bewaart het versleuteld en toont alleen de hostnaam.
cal-feed-help = Waar vind ik het adres?
cal-help-google = Instellingen → uw agenda → Agenda integreren → Geheim adres in iCal-indeling.
cal-help-outlook = Instellingen → Agenda → Gedeelde agenda's → Een agenda publiceren → de ICS-link.
cal-help-others-label = Andere:
cal-help-others = zoek naar ‘abonneren’, ‘publiceren’ of ‘iCal’ in de instellingen voor delen van de agenda. Een webcal://-adres werkt ook.
cal-add-feed = Feed toevoegen
cal-sync-title = Agendasynchronisatie
cal-sync-intro = Elk gekoppeld agenda-account op deze installatie en hoe het synchroniseert. Alleen de eigenaar ziet de agenda's ervan.
cal-back-to-admin = Terug naar beheer
cal-accounts-failing = { $count ->
    [one] { $count } account kan niet synchroniseren.
   *[other] { $count } accounts kunnen niet synchroniseren.
}
cal-accounts-failing-text = De eigenaar ziet de reden op de eigen pagina Agenda's en kan het adres of wachtwoord corrigeren, of het account ontkoppelen.
cal-accounts = Accounts
cal-empty-admin-text = Leden koppelen hun agenda's onder Agenda's.
cal-owner = Eigenaar
cal-provider = Aanbieder
cal-address = Adres
cal-last-sync = Laatste synchronisatie
cal-failures = Mislukkingen
cal-last-error = Laatste fout

cal-error-provider = moet caldav of ics zijn (Google Agenda en Microsoft 365 koppelt u via hun aanmeldpagina's)
cal-error-long-line = moet één regel van hoogstens 2048 tekens zijn
cal-error-http = moet een http- of https-adres zijn
cal-error-username = is verplicht bij een wachtwoord

cal-error-did-not-work = werkte niet: { $reason }
cal-error-no-calendars = werkte niet: de server toont geen agenda's voor deze gebruiker
cal-error-no-answer = { $seconds ->
        [one] gaf binnen { $seconds } seconde geen antwoord
       *[other] gaf binnen { $seconds } seconden geen antwoord
    }
cal-error-password-refused = is door de server geweigerd: controleer de gebruikersnaam en gebruik een app-wachtwoord
cal-error-read-only-destination = deze agenda is alleen-lezen: er kunnen geen boekingen in worden gezet
cal-error-feed-read-only = een feed is alleen-lezen: Kairos zet er geen boekingen in
cal-error-caldav-only = is er alleen voor CalDAV-accounts

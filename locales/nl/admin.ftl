# Beheer: personen, uitnodigingen, de instellingen van de installatie en de pagina's daaronder.

admin-title = Beheer
admin-intro = Wie zich kan aanmelden, en hoe deze installatie werkt.
admin-back-to-admin = Terug naar beheer
admin-calendar-sync = Agendasynchronisatie
admin-status = Status
admin-set-up = Ingesteld
admin-not-set-up = Niet ingesteld
admin-client-id = Client-ID
admin-client-secret = Clientgeheim
admin-redirect-uri = Omleidings-URI

## Personen en uitnodigingen

admin-people = Personen
admin-role = { $role ->
        [owner] Eigenaar
        [admin] Beheerder
       *[member] Lid
    }
admin-disabled = Uitgeschakeld
admin-no-password = Heeft nog geen wachtwoord gekozen
admin-since = sinds { $date }
admin-enable = Inschakelen
admin-disable = Uitschakelen
admin-disable-confirm = { $name } uitschakelen? Deze persoon wordt meteen afgemeld.
admin-create-account = Een account maken
admin-create-account-hint = U krijgt een eenmalige link, { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } geldig, waarmee de persoon een wachtwoord kiest.
admin-name = Naam
admin-email = E-mail
admin-role-label = Rol
admin-role-member = Lid
admin-role-admin = Beheerder
admin-create-account-button = Account maken
admin-invitations = Uitnodigingen
admin-invitations-hint = De persoon krijgt een eenmalige link, { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } geldig, om naam en wachtwoord te kiezen. Die wordt gemaild als er een mailserver is ingesteld; anders kopieert u hem.
admin-send-invitation = Uitnodiging versturen
admin-no-invitations = Geen openstaande uitnodigingen.
admin-pending = Openstaand
admin-expires = verloopt op { $date }
admin-revoke-confirm = De uitnodiging voor { $email } intrekken? De link werkt dan niet meer.
admin-revoke = Intrekken
admin-account-created = Account gemaakt voor { $name }.
admin-invitation-emailed = Uitnodiging gemaild naar { $email }.
admin-invitation-link-works = De link werkt eenmaal binnen { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    }.
admin-invitation-created = Uitnodiging gemaakt voor { $email }.
admin-not-emailed-invitation = Ze kon niet worden gemaild ({ $reason }).
admin-invitation-send-link = Stuur deze persoon deze eenmalige link. Hij wordt alleen nu getoond en werkt eenmaal binnen { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    }:
admin-invitation-link = Uitnodigingslink
admin-account-link-emailed = We hebben { $email } een eenmalige link gemaild om een wachtwoord te kiezen. Hij werkt eenmaal binnen { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    }.
admin-not-emailed-link = De link kon niet worden gemaild ({ $reason }).
admin-account-link-send = Stuur deze persoon deze eenmalige link om een wachtwoord te kiezen. Hij wordt alleen nu getoond en is { $days ->
        [one] 1 dag
       *[other] { $days } dagen
    } geldig:
admin-one-time-link = Eenmalige link

## De instellingen van de installatie

admin-instance = Installatie
admin-public-address-hint = Zoals https://book.example.org. De base_url in het configuratiebestand gaat hiervoor.
admin-signup = Wie kan meedoen
admin-signup-closed = Gesloten: alleen beheerders maken accounts
admin-signup-invite = Alleen op uitnodiging: mensen doen mee via een eenmalige link
admin-signup-hint = Een openbare registratiepagina is er in geen geval.
admin-embed-origins = Websites die boekingspagina's mogen insluiten
admin-embed-origins-hint = Eén oorsprong per regel, zoals https://www.example.org. Leeg: geen enkele site mag ze in een frame tonen. Het dashboard kan nooit worden ingesloten.
admin-require-mfa = Verificatie in twee stappen verplichten
admin-require-mfa-off = Uit: ieder kiest zelf
admin-require-mfa-administrators = Voor beheerders
admin-require-mfa-everyone = Voor iedereen
admin-require-mfa-hint = Wie het betreft, stelt het direct na het aanmelden in en kan daarvoor niets anders doen.
admin-audit-retention = Auditlogboek bewaren (jaren)
admin-audit-retention-hint = Oudere regels worden dagelijks verwijderd; het logboek blijft controleerbaar. HIPAA vraagt 6 jaar.
admin-limit-event-type = Nieuwe boekingen per afspraaktype per uur
admin-limit-event-type-hint = Via de boekingspagina's en de API samen; daarboven wordt gevraagd het later te proberen. 0: geen limiet.
admin-limit-host = Nieuwe boekingen per gastheer per uur
admin-limit-host-hint = Over alle afspraaktypen van een gastheer. Gastheren die hun eigen afspraaktypen boeken, worden niet beperkt. 0: geen limiet.
admin-idle = Afmelden na inactiviteit
admin-idle-hint = Een minuut vooraf vraagt de pagina of de persoon er nog is.
admin-idle-minutes = { $minutes ->
        [one] 1 minuut
       *[other] { $minutes } minuten
    }
admin-idle-hours = { $hours ->
        [one] 1 uur
       *[other] { $hours } uur
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Alleen het noodzakelijke in berichten
admin-minimum-necessary-hint = Antwoorden en notities blijven buiten e-mails, sms'jes en webhooks; die bevatten alleen de tijd, de plaats en de links. Het dashboard toont nog steeds alles aan wie het mag zien.
admin-allow-private = Servers in het privénetwerk toestaan
admin-allow-private-hint = Voor webhookontvangers, de sms-gateway, de mailserver en de single-sign-on-aanbieder binnen uw netwerk (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7); de mailserver, de gateway en de aanbieder mogen dan ook op deze machine draaien (localhost). Link-local-adressen, cloudmetadata en andere speciale adressen worden altijd geweigerd.
admin-save-settings = Instellingen opslaan

## Het auditlogboek

admin-audit-title = Auditlogboek
admin-audit-intro = Wie wat deed, en van waar. Nieuwste eerst; de pagina toont tot { $limit } regels, een download bevat elke overeenkomende regel.
admin-audit-action = Actie
admin-audit-actor = Actor
admin-audit-anyone = Iedereen
admin-audit-actor-kind = { $kind ->
        [user] Gebruiker
        [api_key] API-sleutel
        [invitee] Genodigde
        [system] Systeem
        [anonymous] Anoniem
       *[other] { $kind }
    }
admin-audit-actor-id = Actor-ID
admin-audit-from = Van
admin-audit-to = Tot
admin-audit-filter = Filteren
admin-audit-download-csv = CSV downloaden
admin-audit-download-json = JSON downloaden
admin-audit-time = Tijd (UTC)
admin-audit-object = Object
admin-audit-outcome = Resultaat
admin-audit-outcome-value = { $outcome ->
        [success] Gelukt
        [failure] Mislukt
        [denied] Geweigerd
       *[other] { $outcome }
    }
admin-audit-address = Adres
admin-audit-user-agent = User-agent

## E-mail: de mailserver

smtp-server = Server
smtp-port = Poort
smtp-security = Beveiliging
smtp-security-starttls = STARTTLS: een gewone verbinding die naar TLS overgaat
smtp-security-tls = TLS vanaf het begin
smtp-security-none = Geen: alleen voor een relay in een vertrouwd netwerk
smtp-security-hint = Meestal poort 587 met STARTTLS, 465 met TLS.
smtp-username = Gebruikersnaam
smtp-username-hint = Alleen als de server vraagt om aan te melden.
smtp-password = Wachtwoord
smtp-password-stored = Er is een wachtwoord opgeslagen. Laat leeg om het te houden.
smtp-password-new = Versleuteld opgeslagen, nooit meer getoond.
smtp-from-address = Afzenderadres
smtp-from-name = Afzendernaam
smtp-from-name-placeholder = Uw organisatie

admin-email-title = E-mail
admin-email-intro = De mailserver waarlangs Kairos boekingsbevestigingen, aanvragen en wijzigingen verstuurt. Zonder mailserver wordt geen e-mail verstuurd.
admin-email-server = Mailserver
admin-email-save = Mailserver opslaan
admin-email-test = Een testbericht versturen
admin-email-save-first = Sla eerst een mailserver op.
admin-email-test-hint = Verstuurt een kort bericht via de opgeslagen server. Mislukt dat, dan ziet u het antwoord van de server.
admin-email-send-to = Versturen naar
admin-email-send-test = Test-e-mail versturen
admin-email-test-sent = Het testbericht is verstuurd naar { $to }.
admin-email-test-not-sent = Het testbericht is niet verstuurd.
admin-email-server-answered = De mailserver antwoordde:
admin-email-test-failed = Het testbericht is niet verstuurd: { $reason }.

## Sms

admin-sms-title = Sms-berichten
admin-sms-intro = Kairos verstuurt sms-berichten (herinneringen en berichten uit werkstromen) via een HTTP-gateway naar keuze.
admin-sms-gateway = Gateway
admin-sms-unreadable = De opgeslagen gateway-instellingen kunnen met de sleutel van deze installatie niet worden gelezen. Voer ze opnieuw in.
admin-sms-not-set-up = Niet ingesteld: er worden geen sms-berichten verstuurd
admin-sms-url = Gateway-URL
admin-sms-url-hint = Kairos stuurt daar per bericht één POST-verzoek heen. Adressen in het privénetwerk vereisen de installatie-instelling die ze toestaat.
admin-sms-auth-header = Authenticatieheader
admin-sms-auth-header-hint = Leeg: er wordt geen header verstuurd.
admin-sms-header-value = Headerwaarde
admin-sms-header-value-stored = Versleuteld opgeslagen. Laat leeg om hem te houden.
admin-sms-header-value-new = Zoals Bearer … of Basic …; versleuteld opgeslagen.
admin-sms-body-format = Indeling van de inhoud
admin-sms-body-form = Formulier (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = moet JSON of formulier zijn
admin-sms-body-template = Sjabloon voor de inhoud
admin-sms-body-template-hint = { $to } is het telefoonnummer en { $body } het bericht. In JSON worden het tekenreeksen tussen aanhalingstekens: { $json }; in een formulier gecodeerde waarden: { $form }.
admin-sms-save = Gateway opslaan
admin-sms-remove-confirm = De sms-gateway verwijderen? Kairos verstuurt dan geen sms-berichten meer.
admin-sms-remove = Gateway verwijderen
admin-sms-twilio = Twilio-compatibele voorinstelling
admin-sms-twilio-intro = Vult de gateway in voor de Messages API van Twilio, of een dienst die haar nabootst: een formulier met To, From en Body, en Basic-authenticatie met de Account SID en de Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = Afzendernummer
admin-sms-api-base = API-adres
admin-sms-api-base-hint = Dat van Twilio, tenzij de dienst iets anders aangeeft.
admin-sms-use-preset = Voorinstelling gebruiken
admin-sms-test = Een test-sms versturen
admin-sms-test-hint = Verstuurt nu een kort bericht en toont wat de gateway antwoordde.
admin-sms-phone = Telefoonnummer
admin-sms-send-test = Test-sms versturen
admin-sms-test-taken = De gateway heeft het testbericht aangenomen: HTTP { $status } in { $ms } ms.
admin-sms-it-answered = Antwoord:
admin-sms-test-failed = Het testbericht is niet verstuurd: { $reason }.
admin-sms-gateway-answered = De gateway antwoordde:
admin-sms-set-up-first = Stel eerst een gateway in.

## Achtergrondtaken

admin-jobs-title = Achtergrondtaken
admin-jobs-intro = E-mails en ander werk na een wijziging. Een mislukte taak wordt met groeiende pauzes (hooguit een uur ertussen) { $hours ->
        [one] 1 uur
       *[other] { $hours } uur
    } lang opnieuw geprobeerd vanaf het moment dat ze aan de beurt was; daarna is ze gestopt tot u haar opnieuw start.
admin-jobs-intro-reminders = Een herinnering die niet vóór het begin van haar afspraak kon worden verstuurd, is gestopt en meldt dat.
admin-jobs-times-in = Tijden in { $zone }.
admin-jobs-failing = Mislukt
admin-jobs-none-failing = Niets mislukt.
admin-jobs-dead = Gestopt
admin-jobs-none-dead = Geen enkele taak heeft opgegeven.
admin-jobs-running = Bezig
admin-jobs-none-running = Niets is bezig.
admin-jobs-waiting = Wachtend
admin-jobs-none-waiting = Niets wacht.
admin-jobs-retry-dead = Alle gestopte taken opnieuw proberen
admin-job-retry = Nu opnieuw proberen
admin-job-number = taak { $id }
admin-job-lane = Baan { $lane }
admin-job-runs = Draait { $time }
admin-job-attempts = Pogingen: { $attempts }
admin-job-attempts-of = Pogingen: { $attempts } van { $cap }
admin-job-updated = Bijgewerkt { $time }
admin-job-retried-until = Opnieuw geprobeerd tot { $time }
admin-job-why = Waarom
admin-job-notify = De e-mails van een boekingswijziging voorbereiden
admin-job-email = Een boekingsmail versturen
admin-job-workflow = Een stap van een werkstroom uitvoeren
admin-job-webhook = Een webhook afleveren
admin-job-sync = Een gekoppelde agenda synchroniseren
admin-job-retention = Auditregels na hun bewaartermijn verwijderen
admin-job-workflow-step = Werkstroom ‘{ $workflow }’: { $action ->
        [EMAIL_ATTENDEE] de deelnemer mailen
        [EMAIL_HOST] de gastheer mailen
        [EMAIL_ADDRESS] een adres mailen
        [SMS_ATTENDEE] de deelnemer sms'en (het opgegeven nummer)
        [SMS_NUMBER] een nummer sms'en
       *[WEBHOOK] een webhook aanroepen
    }
admin-jobs-trouble = Achtergrondtaken mislukken:
admin-jobs-trouble-failing = { $count } mislukt ({ $kinds })
admin-jobs-trouble-dead = { $count } gestopt ({ $kinds })
admin-jobs-trouble-since = De oudste wordt sinds { $time } opnieuw geprobeerd.
admin-jobs-trouble-check = Controleer de mailserver, de sms-gateway of de webhookontvangers die daar staan: { $link }.

## Single sign-on

admin-sso-title = Single sign-on
admin-sso-intro = Laat mensen zich aanmelden bij de OpenID Connect-aanbieder van uw organisatie (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Identiteitsaanbieder
admin-sso-enabled = Single sign-on aanbieden op de aanmeldpagina
admin-sso-enabled-hint = Kairos controleert bij het opslaan het discovery-document van de aanbieder.
admin-sso-issuer = Uitgever-URL
admin-sso-issuer-hint = Precies zoals de ID-tokens van de aanbieder hem noemen. Kairos roept alleen deze host aan.
admin-sso-secret-stored = Er is een geheim opgeslagen (versleuteld met de sleutel van de installatie). Laat leeg om het te houden.
admin-sso-secret-new = Uit de clientinstellingen van de aanbieder. Laat leeg voor een openbare client (alleen PKCE).
admin-sso-clear-secret = Het opgeslagen clientgeheim verwijderen
admin-sso-button-label = Tekst van de knop
admin-sso-button-placeholder = Aanmelden met single sign-on
admin-sso-only = Alleen single sign-on
admin-sso-only-hint = Verbergt het wachtwoordformulier en weigert aanmelden met een wachtwoord voor iedereen.
admin-sso-save = Single sign-on opslaan
admin-sso-at-provider = Bij de aanbieder
admin-sso-register = Maak een vertrouwelijke OpenID Connect-client met de autorisatiecodeflow en PKCE (S256), en registreer deze omleidings-URI:
admin-sso-matching = Kairos vraagt om de scopes openid, email en profile. Mensen worden via hun e-mailadres gekoppeld aan bestaande, ingeschakelde accounts; de aanbieder moet dat adres als geverifieerd markeren (email_verified). Accounts worden niet automatisch gemaakt. De verificatie in twee stappen van Kairos zelf geldt niet voor single sign-on: die van de aanbieder geldt.
admin-sso-break-glass = Noodtoegang
admin-sso-break-glass-text = Is de aanbieder onbereikbaar terwijl ‘alleen single sign-on’ aan staat, dan kan de eigenaar nog binnenkomen via de shell van de host: zet { $setting } in kairos.toml (of KAIROS_ALLOW_PASSWORD_SIGN_IN=true) en herstart, en voer dan { $command } uit voor een eenmalige wachtwoordlink. Zowel het aanmelden als het herstellen wordt gelogd.
admin-sso-override = { $setting } staat aan: het wachtwoordformulier blijft beschikbaar

## Integraties

admin-integrations-title = Integraties
admin-integrations-intro = Clouddiensten die gastheren kunnen koppelen. Elke dienst gebruikt een app die uw organisatie bij de leverancier registreert.
admin-integrations-secret-stored = Er is een geheim opgeslagen (versleuteld met de sleutel van de installatie) dat nooit meer wordt getoond. Laat leeg om het te houden.
admin-integrations-remove = { $vendor } verwijderen: gastheren kunnen het niet meer koppelen, en gekoppelde accounts worden niet meer gesynchroniseerd
admin-integrations-save = { $vendor } opslaan
admin-microsoft-client-id = Toepassings-ID (client)
admin-microsoft-tenant = Map-ID (tenant)
admin-microsoft-tenant-hint = De map-ID of het domein van uw organisatie (contoso.onmicrosoft.com), zodat alleen haar accounts kunnen koppelen; { $common } voor elk werk-, school- of persoonlijk Microsoft-account.

admin-google-intro = Gastheren koppelen hun Google-agenda's door zich aan te melden: hun afspraken blokkeren hun tijden, en boekingen worden in de agenda van hun keuze gezet. Zolang hier geen app is ingesteld, zien gastheren Google niet en roept Kairos het nooit aan.
admin-google-secret-from = Van de OAuth-client die u in de Google Cloud-console maakt.
admin-google-at = Bij Google
admin-google-step-project = Maak in de Google Cloud-console een project en schakel de { $api } in.
admin-google-step-consent = Stel het OAuth-toestemmingsscherm in (intern voor een Workspace-organisatie) met de scopes { $events } en { $readonly }.
admin-google-step-client = Maak een OAuth-client-ID van het type { $kind } met deze geautoriseerde omleidings-URI, en plak daarna de client-ID en het geheim hierboven:
admin-google-leaves = Wat dit apparaat verlaat: de tijden en titels van boekingen die in de Google-agenda van een gastheer worden gezet (met ‘alleen het noodzakelijke’ aan geen namen, antwoorden of notities), en opvragingen van de afspraken van de gastheer, die Kairos terugbrengt tot bezette tijden.

admin-microsoft-intro = Gastheren koppelen hun agenda's van Microsoft 365 of Outlook.com door zich aan te melden: hun afspraken blokkeren hun tijden, en boekingen worden in de agenda van hun keuze gezet. Zolang hier geen app is ingesteld, zien gastheren Microsoft niet en roept Kairos het nooit aan.
admin-microsoft-secret-from = De waarde van een clientgeheim dat u toevoegt onder ‘Certificaten en geheimen’ in het Microsoft Entra-beheercentrum.
admin-microsoft-at = Bij Microsoft
admin-microsoft-step-register = Open in het Microsoft Entra-beheercentrum { $registrations } en registreer een nieuwe toepassing: alleen accounts in deze organisatiemap (vul dan hierboven de map-ID (tenant) in), of in elke map en persoonlijke accounts (laat dan { $common } staan).
admin-microsoft-step-permissions = Voeg onder { $permissions } de gedelegeerde Microsoft Graph-machtigingen { $readwrite } en { $offline } toe.
admin-microsoft-step-secret = Voeg onder { $secrets } een clientgeheim toe en plak de waarde hierboven, samen met de toepassings-ID (client).
admin-microsoft-step-platform = Voeg onder { $authentication } het platform { $web } toe met deze omleidings-URI:
admin-microsoft-leaves = Wat dit apparaat verlaat: de tijden en titels van boekingen die in de Microsoft-agenda van een gastheer worden gezet (met ‘alleen het noodzakelijke’ aan geen namen, antwoorden of notities), en opvragingen van de afspraken van de gastheer, die Kairos terugbrengt tot bezette tijden.

admin-zoom-intro = Gastheren koppelen hun Zoom-account door zich aan te melden, en afspraaktypen kunnen dan via Zoom plaatsvinden: Kairos maakt voor elke boeking een Zoom-meeting, verplaatst die als de boeking verschuift en verwijdert die als de boeking wordt geannuleerd. Zolang hier geen app is ingesteld, zien gastheren Zoom niet en roept Kairos het nooit aan.
admin-zoom-secret-from = Van de OAuth-app die u in de Zoom App Marketplace maakt (App Credentials).
admin-zoom-at = Bij Zoom
admin-zoom-step-app = Kies in de Zoom App Marketplace { $menu } en maak een { $app } (door de gebruiker beheerd), of een OAuth-app.
admin-zoom-step-scopes = Voeg de scopes toe om meetings te maken, bij te werken en te verwijderen en de gebruiker te lezen ({ $write } en { $read }, of hun fijnmazige tegenhangers).
admin-zoom-step-redirect = Vul deze omleidings-URL in (ook in de OAuth-toelatingslijst), en plak daarna de client-ID en het geheim hierboven:
admin-zoom-leaves = Wat dit apparaat verlaat: de titel, tijd en duur van elke Zoom-boeking, en een agendaregel met de kenmerkcode van de boeking. Geen namen van genodigden, e-mails, antwoorden of notities.

admin-error-has-account = hoort al bij een account
admin-error-invited = heeft al een openstaande uitnodiging; trek die in om een nieuwe te sturen

admin-smtp-error-host = moet een hostnaam of IP-adres zijn
admin-smtp-error-port = moet een getal tussen 1 en 65535 zijn
admin-smtp-error-security = moet none, STARTTLS of TLS zijn
admin-smtp-error-username = is verplicht als er een wachtwoord is opgegeven

admin-sms-error-header-name = moet een headernaam zijn, zoals Authorization of X-Api-Key
admin-sms-error-header-for-value = is verplicht als er een waarde is opgegeven
admin-sms-error-no-body = moet {"{body}"} bevatten, de tekst van het bericht
admin-sms-error-no-to = moet {"{to}"} bevatten, het telefoonnummer
admin-sms-error-json = is geen geldige JSON zodra {"{to}"} en {"{body}"} zijn ingevuld (ze worden strings tussen aanhalingstekens: {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = moet de SID van het account zijn (letters en cijfers)

admin-sso-error-required = is verplicht om single sign-on in te schakelen
admin-sso-error-only = vereist dat single sign-on is ingeschakeld, anders kan niemand zich aanmelden
admin-sso-error-issuer-url = moet een URL zijn zoals https://id.example.org/realms/clinic, niet { $issuer }
admin-sso-error-issuer-query = moet een URL zonder query of fragment zijn
admin-sso-error-issuer-http = moet https:// gebruiken
admin-sso-error-issuer-scheme = moet met https:// beginnen

cal-intro = Les événements de vos propres agendas bloquent les heures réservables, et les nouvelles réservations peuvent être inscrites dans l’un d’eux. Kairos synchronise toutes les quelques minutes.
cal-your-calendars = Vos agendas
cal-empty = Aucun agenda connecté
cal-empty-text = Connectez un compte ou ajoutez un flux ICS ci-dessous : personne ne pourra alors vous réserver pendant vos heures occupées.
cal-provider-ics = Flux ICS
cal-status-reconnect = À reconnecter
cal-status-failing = Échec de la synchronisation
cal-status-waiting = En attente de la première synchronisation
cal-status-synced = Synchronisé
cal-destination = Les nouvelles réservations sont inscrites dans { $calendar } ({ $address }).
cal-destination-none = Les nouvelles réservations ne sont inscrites dans aucun de vos agendas. Choisissez « { $button } » sur l’un de vos agendas connectés pour les y retrouver.
cal-calendar = Agenda
cal-blocks-slots = Ses événements bloquent vos créneaux
cal-not-checked = Non vérifié pour les conflits
cal-read-only = Lecture seule
cal-written-here = Les nouvelles réservations sont inscrites ici
cal-not-destination = Destination impossible : { $reason }
cal-check-conflicts = Vérifier les conflits
cal-stop-writing = Ne plus inscrire les réservations ici
cal-write-here = Inscrire les nouvelles réservations ici
cal-error-on-or-off = doit être activé ou désactivé
cal-no-access = Kairos n’a plus accès :
cal-no-access-text = Tant que vous ne le reconnectez pas, ses événements ne bloquent pas vos créneaux et les réservations n’y sont pas inscrites.
cal-connect-again = Reconnecter
cal-last-sync-failed = La dernière synchronisation a échoué :
cal-failed-times = { $count ->
    [one] Elle a échoué { $count } fois de suite.
   *[other] Elle a échoué { $count } fois de suite.
}
cal-retry-text = Kairos réessaie de lui-même, en attendant plus longtemps après chaque échec (six heures au plus).
cal-last-success = Dernière synchronisation réussie
cal-next-sync = Prochaine synchronisation
cal-not-yet = Pas encore
cal-not-planned = Non prévue
cal-zoom-text = Visioconférences : les types de rendez-vous dont le lieu est Zoom reçoivent une réunion Zoom dans ce compte pour chaque réservation, déplacée et supprimée avec elle.
cal-no-calendars-listed = Le serveur n’indique encore aucun agenda pour ce compte.
cal-sync-now = Synchroniser maintenant
cal-disconnect = Déconnecter
cal-disconnect-confirm = Déconnecter ce compte ? Kairos oublie son accès et les événements qu’il a copiés.
cal-options = Options
cal-sync-cancellations-title = Annuler les réservations supprimées dans cet agenda
cal-sync-cancellations-text = Quand vous supprimez l’événement d’une réservation dans votre agenda, la réservation est annulée et l’invité prévenu, 15 minutes après que Kairos l’a remarqué (restaurez l’événement avant pour la conserver).
cal-sync-cancellations = Synchroniser les annulations
cal-live-check-title = Interroger l’agenda avant chaque réservation
cal-live-check-text = Avant qu’une réservation soit créée ou déplacée, Kairos demande à votre agenda de destination les changements depuis la dernière synchronisation, pendant 3 secondes au plus. S’il ne répond pas à temps, la réservation se fait quand même.
cal-live-check = Vérification en direct
cal-connect-sign-in = Connecter en vous identifiant
cal-connect-sign-in-text = Vous vous identifiez auprès du service et autorisez Kairos à lire les heures occupées de vos agendas et à y inscrire vos réservations (avec Zoom : à créer une réunion pour chaque réservation). Kairos conserve l’accès chiffré ; vous pouvez vous déconnecter à tout moment.
cal-connect-vendor = Connecter { $vendor }
cal-not-connected = Non connecté : { $reason }.
cal-vendor-not-set-up = { $vendor } n’est pas configuré sur cette instance : adressez-vous à un administrateur
cal-vendor-unknown-state = l’identification auprès de { $vendor } n’a pas été terminée ici ou a pris trop de temps : recommencez
cal-vendor-access-not-allowed = { $vendor } : l’accès n’a pas été autorisé
cal-vendor-no-access-granted = { $vendor } : aucun accès n’a été accordé
cal-vendor-refused = { $vendor } a refusé la demande : { $detail }
cal-vendor-revoked = { $vendor } n’accepte plus l’accès de Kairos : reconnectez le compte
cal-vendor-unreachable = { $vendor } n’a pas pu être joint : { $detail }
cal-vendor-credentials = l’accès enregistré ne peut pas être ouvert avec la clé de cette instance
cal-caldav-title = Connecter un compte CalDAV
cal-caldav-text = Nextcloud, iCloud, Fastmail, Radicale, Baïkal, SOGo et autres serveurs CalDAV. Kairos lit vos événements et peut inscrire les nouvelles réservations dans un agenda.
cal-server-address = Adresse du serveur
cal-server-address-hint = Le nom d’hôte suffit : Kairos trouve vos agendas.
cal-username = Nom d’utilisateur
cal-app-password = Mot de passe d’application
cal-app-password-hint = Pas votre mot de passe principal : un mot de passe distinct que vous pouvez révoquer. Kairos le conserve chiffré et ne l’affiche plus jamais.
cal-app-password-help = Où obtenir un mot de passe d’application ?
cal-help-nextcloud = Paramètres → Sécurité → Appareils & sessions → Créer un nouveau mot de passe d’application.
cal-help-icloud = account.apple.com → Connexion et sécurité → Mots de passe pour app. Le serveur est caldav.icloud.com.
cal-help-fastmail = Paramètres → Confidentialité & sécurité → Gérer les mots de passe d’application → Nouveau mot de passe d’application, avec accès à CalDAV.
cal-connect-account = Connecter le compte
cal-feed-title = Ajouter un flux ICS
cal-feed-text = Une adresse d’agenda en lecture seule : ses événements bloquent vos créneaux, mais aucune réservation ne peut y être inscrite.
cal-feed-address = Adresse du flux
cal-feed-address-hint = Traitez-la comme un mot de passe : quiconque la possède peut lire l’agenda. Kairos la conserve chiffrée et n’en affiche que le nom d’hôte.
cal-feed-help = Où trouver l’adresse ?
cal-help-google = Paramètres → votre agenda → Intégrer l’agenda → Adresse secrète au format iCal.
cal-help-outlook = Paramètres → Calendrier → Calendriers partagés → Publier un calendrier → le lien ICS.
cal-help-others-label = Autres :
cal-help-others = cherchez « s’abonner », « publier » ou « iCal » dans les paramètres de partage de l’agenda. Une adresse webcal:// fonctionne aussi.
cal-add-feed = Ajouter le flux
cal-sync-title = Synchronisation des agendas
cal-sync-intro = Chaque compte d’agenda connecté sur cette instance et sa synchronisation. Seul son propriétaire voit ses agendas.
cal-back-to-admin = Retour à l’administration
cal-accounts-failing = { $count ->
    [one] { $count } compte n’arrive pas à se synchroniser.
   *[other] { $count } comptes n’arrivent pas à se synchroniser.
}
cal-accounts-failing-text = Son propriétaire voit le motif sur sa page Agendas et peut corriger l’adresse ou le mot de passe, ou le déconnecter.
cal-accounts = Comptes
cal-empty-admin-text = Les membres connectent leurs agendas dans Agendas.
cal-owner = Propriétaire
cal-provider = Fournisseur
cal-address = Adresse
cal-last-sync = Dernière synchronisation
cal-failures = Échecs
cal-last-error = Dernière erreur

cal-error-provider = doit être caldav ou ics (Google Agenda et Microsoft 365 se connectent par leurs pages de connexion)
cal-error-long-line = doit tenir sur une ligne d’au plus 2048 caractères
cal-error-http = doit être une adresse http ou https
cal-error-username = est obligatoire avec un mot de passe

cal-error-did-not-work = n’a pas fonctionné : { $reason }
cal-error-no-calendars = n’a pas fonctionné : le serveur n’indique aucun agenda pour cet utilisateur
cal-error-no-answer = { $seconds ->
        [one] n’a pas répondu dans un délai de { $seconds } seconde
       *[other] n’a pas répondu dans un délai de { $seconds } secondes
    }
cal-error-password-refused = a été refusé par le serveur : vérifiez le nom d’utilisateur et utilisez un mot de passe d’application
cal-error-read-only-destination = cet agenda est en lecture seule : les réservations ne peuvent pas y être écrites
cal-error-feed-read-only = un flux est en lecture seule : Kairos n’y écrit aucune réservation
cal-error-caldav-only = n’est proposé que pour les comptes CalDAV

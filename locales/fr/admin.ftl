# Administration : personnes, invitations, paramètres de l’instance et pages associées.

admin-title = Administration
admin-intro = Qui peut se connecter, et comment cette instance se comporte.
admin-back-to-admin = Retour à l’administration
admin-calendar-sync = Synchronisation des agendas
admin-status = État
admin-set-up = Configuré
admin-not-set-up = Non configuré
admin-client-id = ID client
admin-client-secret = Secret client
admin-redirect-uri = URI de redirection

## Personnes et invitations

admin-people = Personnes
admin-role = { $role ->
        [owner] Propriétaire
        [admin] Administrateur
       *[member] Membre
    }
admin-disabled = Désactivé
admin-no-password = N’a pas encore choisi de mot de passe
admin-since = depuis le { $date }
admin-enable = Activer
admin-disable = Désactiver
admin-disable-confirm = Désactiver { $name } ? La personne est déconnectée immédiatement.
admin-create-account = Créer un compte
admin-create-account-hint = Vous obtenez un lien à usage unique, valable { $days ->
        [one] 1 jour
       *[other] { $days } jours
    }, pour que la personne choisisse son mot de passe.
admin-name = Nom
admin-email = E-mail
admin-role-label = Rôle
admin-role-member = Membre
admin-role-admin = Administrateur
admin-create-account-button = Créer le compte
admin-invitations = Invitations
admin-invitations-hint = La personne reçoit un lien à usage unique, valable { $days ->
        [one] 1 jour
       *[other] { $days } jours
    }, pour choisir son nom et son mot de passe. Il est envoyé par e-mail si un serveur de messagerie est configuré ; sinon, vous le copiez.
admin-send-invitation = Envoyer l’invitation
admin-no-invitations = Aucune invitation en attente.
admin-pending = En attente
admin-expires = expire le { $date }
admin-revoke-confirm = Révoquer l’invitation de { $email } ? Le lien cessera de fonctionner.
admin-revoke = Révoquer
admin-account-created = Compte créé pour { $name }.
admin-invitation-emailed = Invitation envoyée par e-mail à { $email }.
admin-invitation-link-works = Le lien fonctionne une seule fois pendant { $days ->
        [one] 1 jour
       *[other] { $days } jours
    }.
admin-invitation-created = Invitation créée pour { $email }.
admin-not-emailed-invitation = Elle n’a pas pu être envoyée par e-mail ({ $reason }).
admin-invitation-send-link = Envoyez-lui ce lien à usage unique. Il n’est affiché que maintenant et fonctionne une seule fois pendant { $days ->
        [one] 1 jour
       *[other] { $days } jours
    } :
admin-invitation-link = Lien d’invitation
admin-account-link-emailed = Nous avons envoyé à { $email } un lien à usage unique pour choisir son mot de passe. Il fonctionne une seule fois pendant { $days ->
        [one] 1 jour
       *[other] { $days } jours
    }.
admin-not-emailed-link = Le lien n’a pas pu être envoyé par e-mail ({ $reason }).
admin-account-link-send = Envoyez-lui ce lien à usage unique pour choisir son mot de passe. Il n’est affiché que maintenant et reste valable { $days ->
        [one] 1 jour
       *[other] { $days } jours
    } :
admin-one-time-link = Lien à usage unique

## Paramètres de l’instance

admin-instance = Instance
admin-public-address-hint = Par exemple https://book.example.org. Le paramètre base_url du fichier de configuration l’emporte.
admin-signup = Qui peut rejoindre
admin-signup-closed = Fermé : seuls les administrateurs créent des comptes
admin-signup-invite = Sur invitation : on rejoint par un lien à usage unique
admin-signup-hint = Il n’y a de toute façon pas de page d’inscription publique.
admin-embed-origins = Sites web pouvant intégrer les pages de réservation
admin-embed-origins-hint = Une origine par ligne, par exemple https://www.example.org. Vide : aucun site ne peut les afficher dans un cadre. Le tableau de bord ne peut jamais être intégré.
admin-require-mfa = Exiger la validation en deux étapes
admin-require-mfa-off = Non : chacun choisit
admin-require-mfa-administrators = Pour les administrateurs
admin-require-mfa-everyone = Pour tout le monde
admin-require-mfa-hint = Les personnes concernées la configurent juste après leur connexion et ne peuvent rien faire d’autre avant.
admin-audit-retention = Conserver le journal d’audit (années)
admin-audit-retention-hint = Les entrées plus anciennes sont supprimées chaque jour ; le journal reste vérifiable. HIPAA exige 6 ans.
admin-limit-event-type = Nouvelles réservations par type de rendez-vous et par heure
admin-limit-event-type-hint = Pages de réservation et API confondues ; au-delà, on demande de réessayer plus tard. 0 : aucune limite.
admin-limit-host = Nouvelles réservations par hôte et par heure
admin-limit-host-hint = Sur tous les types de rendez-vous d’un hôte. Les hôtes qui réservent leurs propres types de rendez-vous ne sont pas limités. 0 : aucune limite.
admin-idle = Déconnexion après inactivité
admin-idle-hint = Une minute avant, la page demande si la personne est toujours là.
admin-idle-minutes = { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }
admin-idle-hours = { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    }
admin-idle-option = { $time } ({ $fits })
admin-minimum-necessary = Le strict nécessaire dans les messages
admin-minimum-necessary-hint = Les réponses et les notes restent hors des e-mails, SMS et webhooks ; ils ne contiennent que l’heure, le lieu et les liens. Le tableau de bord montre toujours tout aux personnes autorisées.
admin-allow-private = Autoriser les serveurs du réseau privé
admin-allow-private-hint = Pour les destinataires de webhooks, la passerelle SMS, le serveur de messagerie et le fournisseur d’authentification unique dans votre réseau (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7) ; le serveur de messagerie, la passerelle et le fournisseur peuvent alors aussi tourner sur cette machine (localhost). Les adresses lien-local, les métadonnées cloud et les autres adresses réservées sont toujours refusées.
admin-save-settings = Enregistrer les paramètres

## Le journal d’audit

admin-audit-title = Journal d’audit
admin-audit-intro = Qui a fait quoi, et d’où. Les plus récentes d’abord ; la page affiche jusqu’à { $limit } lignes, un téléchargement contient toutes les lignes correspondantes.
admin-audit-action = Action
admin-audit-actor = Acteur
admin-audit-anyone = Tous
admin-audit-actor-kind = { $kind ->
        [user] Utilisateur
        [api_key] Clé d’API
        [invitee] Invité
        [system] Système
        [anonymous] Anonyme
       *[other] { $kind }
    }
admin-audit-actor-id = ID de l’acteur
admin-audit-from = Du
admin-audit-to = Au
admin-audit-filter = Filtrer
admin-audit-download-csv = Télécharger en CSV
admin-audit-download-json = Télécharger en JSON
admin-audit-time = Heure (UTC)
admin-audit-object = Objet
admin-audit-outcome = Résultat
admin-audit-outcome-value = { $outcome ->
        [success] Réussite
        [failure] Échec
        [denied] Refusé
       *[other] { $outcome }
    }
admin-audit-address = Adresse
admin-audit-user-agent = Agent utilisateur

## E-mail : le serveur de messagerie

smtp-server = Serveur
smtp-port = Port
smtp-security = Sécurité
smtp-security-starttls = STARTTLS : une connexion simple passée en TLS
smtp-security-tls = TLS dès le début
smtp-security-none = Aucune : seulement pour un relais sur un réseau de confiance
smtp-security-hint = En général le port 587 avec STARTTLS, 465 avec TLS.
smtp-username = Nom d’utilisateur
smtp-username-hint = Seulement si le serveur demande de s’identifier.
smtp-password = Mot de passe
smtp-password-stored = Un mot de passe est enregistré. Laissez vide pour le conserver.
smtp-password-new = Enregistré chiffré, jamais réaffiché.
smtp-from-address = Adresse d’expédition
smtp-from-name = Nom d’expéditeur
smtp-from-name-placeholder = Votre organisation

admin-email-title = E-mail
admin-email-intro = Le serveur de messagerie par lequel Kairos envoie les confirmations, demandes et modifications de réservation. Sans lui, aucun e-mail n’est envoyé.
admin-email-server = Serveur de messagerie
admin-email-save = Enregistrer le serveur de messagerie
admin-email-test = Envoyer un message de test
admin-email-save-first = Enregistrez d’abord un serveur de messagerie.
admin-email-test-hint = Envoie un court message par le serveur enregistré. En cas d’échec, vous voyez la réponse du serveur.
admin-email-send-to = Envoyer à
admin-email-send-test = Envoyer un e-mail de test
admin-email-test-sent = Le message de test a été envoyé à { $to }.
admin-email-test-not-sent = Le message de test n’a pas été envoyé.
admin-email-server-answered = Le serveur de messagerie a répondu :
admin-email-test-failed = Le message de test n’a pas été envoyé : { $reason }.

## SMS

admin-sms-title = SMS
admin-sms-intro = Kairos envoie des SMS (rappels et messages d’automatisations) par une passerelle HTTP de votre choix.
admin-sms-gateway = Passerelle
admin-sms-unreadable = Les paramètres enregistrés de la passerelle ne peuvent pas être lus avec la clé de cette instance. Saisissez-les de nouveau.
admin-sms-not-set-up = Non configurée : aucun SMS n’est envoyé
admin-sms-url = URL de la passerelle
admin-sms-url-hint = Kairos y envoie une requête POST par message. Les adresses du réseau privé nécessitent le paramètre d’instance qui les autorise.
admin-sms-auth-header = En-tête d’authentification
admin-sms-auth-header-hint = Vide : aucun en-tête n’est envoyé.
admin-sms-header-value = Valeur de l’en-tête
admin-sms-header-value-stored = Enregistrée chiffrée. Laissez vide pour la conserver.
admin-sms-header-value-new = Par exemple Bearer … ou Basic … ; enregistrée chiffrée.
admin-sms-body-format = Format du corps
admin-sms-body-form = Formulaire (application/x-www-form-urlencoded)
admin-sms-body-format-invalid = doit être JSON ou formulaire
admin-sms-body-template = Modèle du corps
admin-sms-body-template-hint = { $to } est le numéro de téléphone et { $body } le message. En JSON, ils deviennent des chaînes entre guillemets : { $json } ; dans un formulaire, des valeurs encodées : { $form }.
admin-sms-save = Enregistrer la passerelle
admin-sms-remove-confirm = Supprimer la passerelle SMS ? Kairos n’enverra alors plus de SMS.
admin-sms-remove = Supprimer la passerelle
admin-sms-twilio = Préréglage compatible Twilio
admin-sms-twilio-intro = Remplit la passerelle pour l’API Messages de Twilio, ou un service qui l’imite : un corps de formulaire avec To, From et Body, et une authentification Basic avec l’Account SID et l’Auth Token.
admin-sms-account-sid = Account SID
admin-sms-auth-token = Auth Token
admin-sms-sender = Numéro d’expéditeur
admin-sms-api-base = Adresse de l’API
admin-sms-api-base-hint = Celle de Twilio, sauf indication contraire du service.
admin-sms-use-preset = Utiliser le préréglage
admin-sms-test = Envoyer un SMS de test
admin-sms-test-hint = Envoie un court message maintenant et affiche la réponse de la passerelle.
admin-sms-phone = Numéro de téléphone
admin-sms-send-test = Envoyer le SMS de test
admin-sms-test-taken = La passerelle a accepté le message de test : HTTP { $status } en { $ms } ms.
admin-sms-it-answered = Elle a répondu :
admin-sms-test-failed = Le message de test n’a pas été envoyé : { $reason }.
admin-sms-gateway-answered = La passerelle a répondu :
admin-sms-set-up-first = Configurez d’abord une passerelle.

## Tâches en arrière-plan

admin-jobs-title = Tâches en arrière-plan
admin-jobs-intro = Les e-mails et autres travaux effectués après une modification. Une tâche en échec est relancée à intervalles croissants (une heure au plus) pendant { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    } à partir de son échéance, puis elle est abandonnée jusqu’à ce que vous la relanciez.
admin-jobs-intro-reminders = Un rappel qui n’a pas pu être envoyé avant le début de son rendez-vous est abandonné et l’indique.
admin-jobs-times-in = Heures en { $zone }.
admin-jobs-failing = En échec
admin-jobs-none-failing = Rien n’est en échec.
admin-jobs-dead = Abandonnées
admin-jobs-none-dead = Aucune tâche n’a été abandonnée.
admin-jobs-running = En cours
admin-jobs-none-running = Rien n’est en cours.
admin-jobs-waiting = En attente
admin-jobs-none-waiting = Rien n’est en attente.
admin-jobs-retry-dead = Relancer toutes les tâches abandonnées
admin-job-retry = Relancer maintenant
admin-job-number = tâche { $id }
admin-job-lane = File { $lane }
admin-job-runs = S’exécute le { $time }
admin-job-attempts = Tentatives : { $attempts }
admin-job-attempts-of = Tentatives : { $attempts } sur { $cap }
admin-job-updated = Mise à jour le { $time }
admin-job-retried-until = Relancée jusqu’au { $time }
admin-job-why = Pourquoi
admin-job-notify = Préparer les e-mails d’une modification de réservation
admin-job-email = Envoyer un e-mail de réservation
admin-job-workflow = Exécuter une étape d’automatisation
admin-job-webhook = Livrer un webhook
admin-job-sync = Synchroniser un agenda connecté
admin-job-retention = Supprimer les entrées d’audit après leur durée de conservation
admin-job-workflow-step = Automatisation « { $workflow } » : { $action ->
        [EMAIL_ATTENDEE] e-mail au participant
        [EMAIL_HOST] e-mail à l’hôte
        [EMAIL_ADDRESS] e-mail à une adresse
        [SMS_ATTENDEE] SMS au participant (son numéro indiqué)
        [SMS_NUMBER] SMS à un numéro
       *[WEBHOOK] appel d’un webhook
    }
admin-jobs-trouble = Des tâches en arrière-plan échouent :
admin-jobs-trouble-failing = { $count } en échec ({ $kinds })
admin-jobs-trouble-dead = { $count } abandonnées ({ $kinds })
admin-jobs-trouble-since = La plus ancienne est relancée depuis le { $time }.
admin-jobs-trouble-check = Vérifiez le serveur de messagerie, la passerelle SMS ou les destinataires de webhooks indiqués ici : { $link }.

## Authentification unique

admin-sso-title = Authentification unique
admin-sso-intro = Permettez de se connecter avec le fournisseur OpenID Connect de votre organisation (Keycloak, Entra ID, Okta, Authentik, …).
admin-sso-provider = Fournisseur d’identité
admin-sso-enabled = Proposer l’authentification unique sur la page de connexion
admin-sso-enabled-hint = Kairos vérifie le document de découverte du fournisseur à l’enregistrement.
admin-sso-issuer = URL de l’émetteur
admin-sso-issuer-hint = Exactement comme les jetons d’identité du fournisseur le nomment. Kairos n’appelle que cet hôte.
admin-sso-secret-stored = Un secret est enregistré (chiffré avec la clé de l’instance). Laissez vide pour le conserver.
admin-sso-secret-new = Dans les paramètres du client chez le fournisseur. Laissez vide pour un client public (PKCE seul).
admin-sso-clear-secret = Supprimer le secret client enregistré
admin-sso-button-label = Texte du bouton
admin-sso-button-placeholder = Se connecter avec l’authentification unique
admin-sso-only = Authentification unique seulement
admin-sso-only-hint = Masque le formulaire de mot de passe et refuse la connexion par mot de passe pour tout le monde.
admin-sso-save = Enregistrer l’authentification unique
admin-sso-at-provider = Chez le fournisseur
admin-sso-register = Créez un client OpenID Connect confidentiel avec le flux par code d’autorisation et PKCE (S256), et enregistrez cette URI de redirection :
admin-sso-matching = Kairos demande les scopes openid, email et profile. Les personnes sont associées aux comptes existants et actifs par leur adresse e-mail, que le fournisseur doit marquer comme vérifiée (email_verified). Les comptes ne sont pas créés automatiquement. La validation en deux étapes de Kairos ne s’applique pas à l’authentification unique : c’est celle du fournisseur qui compte.
admin-sso-break-glass = Accès de secours
admin-sso-break-glass-text = Si le fournisseur est indisponible alors que l’authentification unique seule est activée, le propriétaire peut encore entrer depuis le shell de l’hôte : ajoutez { $setting } dans kairos.toml (ou KAIROS_ALLOW_PASSWORD_SIGN_IN=true) et redémarrez, puis lancez { $command } pour obtenir un lien de mot de passe à usage unique. La connexion et la réinitialisation sont toutes deux auditées.
admin-sso-override = { $setting } est défini : le formulaire de mot de passe reste disponible

## Intégrations

admin-integrations-title = Intégrations
admin-integrations-intro = Les services cloud que les hôtes peuvent connecter. Chacun utilise une application que votre organisation enregistre auprès du fournisseur.
admin-integrations-secret-stored = Un secret est enregistré (chiffré avec la clé de l’instance) et n’est plus jamais affiché. Laissez vide pour le conserver.
admin-integrations-remove = Retirer { $vendor } : les hôtes ne peuvent plus le connecter, et les comptes connectés cessent de se synchroniser
admin-integrations-save = Enregistrer { $vendor }
admin-microsoft-client-id = ID d’application (client)
admin-microsoft-tenant = ID de l’annuaire (locataire)
admin-microsoft-tenant-hint = L’ID d’annuaire ou le domaine de votre organisation (contoso.onmicrosoft.com), pour que seuls ses comptes puissent se connecter ; { $common } pour tout compte Microsoft professionnel, scolaire ou personnel.

admin-google-intro = Les hôtes connectent leurs agendas Google en se connectant : leurs événements bloquent leurs créneaux, et les réservations sont écrites dans l’agenda de leur choix. Tant qu’aucune application n’est configurée ici, les hôtes ne voient pas Google et Kairos ne l’appelle jamais.
admin-google-secret-from = Celui du client OAuth que vous créez dans la console Google Cloud.
admin-google-at = Chez Google
admin-google-step-project = Dans la console Google Cloud, créez un projet et activez { $api }.
admin-google-step-consent = Configurez l’écran de consentement OAuth (interne pour une organisation Workspace) avec les scopes { $events } et { $readonly }.
admin-google-step-client = Créez un ID client OAuth de type { $kind } avec cette URI de redirection autorisée, puis collez son ID client et son secret ci-dessus :
admin-google-leaves = Ce qui quitte cet appareil : les heures et les titres des réservations écrites dans l’agenda Google d’un hôte (avec « le strict nécessaire » activé, ni noms, ni réponses, ni notes), et les requêtes sur les événements de l’hôte, que Kairos réduit à des plages occupées.

admin-microsoft-intro = Les hôtes connectent leurs agendas Microsoft 365 ou Outlook.com en se connectant : leurs événements bloquent leurs créneaux, et les réservations sont écrites dans l’agenda de leur choix. Tant qu’aucune application n’est configurée ici, les hôtes ne voient pas Microsoft et Kairos ne l’appelle jamais.
admin-microsoft-secret-from = La valeur d’un secret client que vous ajoutez sous « Certificats & secrets » dans le centre d’administration Microsoft Entra.
admin-microsoft-at = Chez Microsoft
admin-microsoft-step-register = Dans le centre d’administration Microsoft Entra, ouvrez { $registrations } et inscrivez une nouvelle application : comptes de cet annuaire d’organisation uniquement (saisissez alors son ID d’annuaire (locataire) ci-dessus), ou de tout annuaire et comptes personnels (laissez alors { $common }).
admin-microsoft-step-permissions = Sous { $permissions }, ajoutez les autorisations déléguées Microsoft Graph { $readwrite } et { $offline }.
admin-microsoft-step-secret = Sous { $secrets }, ajoutez un secret client et collez sa valeur ci-dessus avec l’ID d’application (client).
admin-microsoft-step-platform = Sous { $authentication }, ajoutez la plateforme { $web } avec cette URI de redirection :
admin-microsoft-leaves = Ce qui quitte cet appareil : les heures et les titres des réservations écrites dans l’agenda Microsoft d’un hôte (avec « le strict nécessaire » activé, ni noms, ni réponses, ni notes), et les requêtes sur les événements de l’hôte, que Kairos réduit à des plages occupées.

admin-zoom-intro = Les hôtes connectent leur compte Zoom en se connectant, et les types de rendez-vous peuvent alors avoir lieu sur Zoom : Kairos crée une réunion Zoom pour chaque réservation, la déplace quand la réservation est déplacée et la supprime quand la réservation est annulée. Tant qu’aucune application n’est configurée ici, les hôtes ne voient pas Zoom et Kairos ne l’appelle jamais.
admin-zoom-secret-from = Celui de l’application OAuth que vous créez dans le Zoom App Marketplace (App Credentials).
admin-zoom-at = Chez Zoom
admin-zoom-step-app = Dans le Zoom App Marketplace, choisissez { $menu } et créez une { $app } (gérée par l’utilisateur), ou une application OAuth.
admin-zoom-step-scopes = Ajoutez les scopes permettant de créer, modifier et supprimer des réunions et de lire l’utilisateur ({ $write } et { $read }, ou leurs équivalents détaillés).
admin-zoom-step-redirect = Saisissez cette URL de redirection (également dans la liste d’autorisation OAuth), puis collez l’ID client et le secret ci-dessus :
admin-zoom-leaves = Ce qui quitte cet appareil : le titre, l’heure et la durée de chaque réservation Zoom, et une ligne d’ordre du jour indiquant l’identifiant de la réservation. Ni noms d’invités, ni e-mails, ni réponses, ni notes.

admin-error-has-account = appartient déjà à un compte
admin-error-invited = a déjà une invitation en attente ; révoquez-la pour en envoyer une nouvelle

admin-smtp-error-host = doit être un nom d’hôte ou une adresse IP
admin-smtp-error-port = doit être un nombre entre 1 et 65535
admin-smtp-error-security = doit être none, STARTTLS ou TLS
admin-smtp-error-username = est obligatoire lorsqu’un mot de passe est indiqué

admin-sms-error-header-name = doit être un nom d’en-tête comme Authorization ou X-Api-Key
admin-sms-error-header-for-value = est obligatoire lorsqu’une valeur est indiquée
admin-sms-error-no-body = doit contenir {"{body}"}, le texte du message
admin-sms-error-no-to = doit contenir {"{to}"}, le numéro de téléphone
admin-sms-error-json = n’est pas un JSON valide une fois {"{to}"} et {"{body}"} remplacés (ils deviennent des chaînes entre guillemets : {"{\"to\": {to}, \"text\": {body}}"})
admin-sms-error-sid = doit être le SID du compte (lettres et chiffres)

admin-sso-error-required = est obligatoire pour activer l’authentification unique
admin-sso-error-only = nécessite l’authentification unique activée, sinon personne ne pourrait se connecter
admin-sso-error-issuer-url = doit être une URL comme https://id.example.org/realms/clinic, et non { $issuer }
admin-sso-error-issuer-query = doit être une URL sans requête ni fragment
admin-sso-error-issuer-http = doit utiliser https://
admin-sso-error-issuer-scheme = doit commencer par https://

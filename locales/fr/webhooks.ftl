wh-title = Webhooks
wh-intro = Kairos envoie du JSON signé à ces URL quand des réservations changent, au format utilisé par Cal.com.
wh-back-to-settings = Retour aux paramètres
wh-yours = Vos webhooks
wh-empty = Aucun webhook pour l’instant
wh-empty-text = Ajoutez-en un ci-dessous pour informer un autre système des réservations nouvelles, déplacées et annulées.
wh-active = Actif
wh-paused = En pause
wh-triggers-count = { $count ->
        [one] { $count } déclencheur
       *[other] { $count } déclencheurs
    }
wh-edit-and-log = Modifier et journal
wh-add-title = Ajouter un webhook
wh-add = Ajouter le webhook
wh-all-event-types = Tous vos types de rendez-vous
wh-event-type = Type de rendez-vous { $id }

wh-url = URL du destinataire
wh-url-hint = Kairos y envoie du JSON par POST. Les adresses de votre réseau nécessitent l’autorisation de l’administrateur ; les adresses de bouclage et de métadonnées cloud sont toujours refusées.
wh-send-when = Envoyer quand
wh-triggers = Déclencheurs
wh-bookings-of = Réservations de
wh-bookings-of-hint = Les types de rendez-vous d’équipe sont listés pour les équipes que vous administrez.
wh-scope-all = Toutes les réservations de mes propres types de rendez-vous
wh-scope-only = Seulement « { $title } »
wh-secret = Secret
wh-secret-hint-new = Les destinataires vérifient X-Cal-Signature-256 avec ce secret. Laissez vide et Kairos en crée un, affiché une seule fois.
wh-secret-hint-edit = Laissez vide pour garder le secret actuel.
wh-active-hint = Un webhook en pause n’envoie rien.
wh-unknown-trigger = contient un déclencheur inconnu { $value }
wh-unknown-event-type = doit être l’un des types de rendez-vous listés

wh-trigger-booking-created = Réservation faite ou confirmée
wh-trigger-booking-requested = Réservation demandée (en attente de confirmation)
wh-trigger-booking-rescheduled = Réservation déplacée
wh-trigger-booking-cancelled = Réservation annulée
wh-trigger-booking-rejected = Demande refusée
wh-trigger-meeting-ended = Rendez-vous terminé

wh-added-secret = Webhook ajouté. Son secret, affiché seulement maintenant :
wh-webhook-secret = Secret du webhook
wh-verify = Les destinataires vérifient l’en-tête X-Cal-Signature-256 : le HMAC-SHA256 hexadécimal du corps avec ce secret.

wh-webhook = Webhook
wh-all = Tous les webhooks
wh-test = Test
wh-test-text = Envoie un PING avec des données d’exemple, signé comme chaque envoi, et affiche la réponse du destinataire.
wh-send-ping = Envoyer un ping de test
wh-save = Enregistrer le webhook
wh-deliveries = Envois
wh-deliveries-text = Les dernières tentatives, les plus récentes d’abord. Un envoi échoué est réessayé avec des pauses croissantes. Le contenu envoyé n’est pas conservé.
wh-nothing-sent = Rien d’envoyé pour l’instant
wh-nothing-sent-text = Les envois s’affichent ici dès qu’une réservation change ou que vous envoyez un ping de test.
wh-time = Heure
wh-trigger = Déclencheur
wh-result = Résultat
wh-took = Durée
wh-no-answer = Pas de réponse
wh-milliseconds = { $ms } ms
wh-delete = Supprimer
wh-delete-text = Arrête tous les envois et supprime le journal.
wh-delete-confirm = Supprimer ce webhook ? Son destinataire ne recevra plus rien.
wh-delete-button = Supprimer le webhook
wh-ping-delivered = Ping de test livré : le destinataire a répondu HTTP { $status } en { $ms } ms.
wh-ping-failed = Le ping de test n’a pas été livré : { $reason } (après { $ms } ms).
wh-trigger-booking-payment-initiated = Paiement commencé (le créneau est réservé)
wh-trigger-booking-paid = Réservation payée

wh-error-no-trigger = choisissez-en au moins un
wh-error-event-type = n’est ni l’un de vos types de rendez-vous ni celui d’une équipe que vous administrez

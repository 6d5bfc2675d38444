booker-time-gone = Ce créneau n’est plus disponible. Veuillez en choisir un autre.
booker-just-taken = Désolé, ce créneau vient d’être pris. Veuillez en choisir un autre.
booker-location-phone = Appel téléphonique
booker-location-online = Rendez-vous en ligne
booker-location-video = Appel vidéo
booker-location = Lieu
booker-locations-or = { $first } ou { $last }
booker-rescheduling = Vous déplacez votre réservation du { $when }.
booker-duration = Durée
booker-time-zone = Fuseau horaire
booker-apply = Appliquer
booker-previous-month = Mois précédent
booker-next-month = Mois suivant
booker-day-times = { $date }, { $count ->
        [one] 1 créneau disponible
       *[other] { $count } créneaux disponibles
    }
booker-day-no-times = { $date }, aucun créneau
booker-month-empty = Plus aucun créneau libre ce mois-ci.
booker-see-month = Voir { $month }
booker-times = Horaires
booker-clock = Format de l’heure
booker-seats-left = { $seats ->
        [one] 1 place restante
       *[other] { $seats } places restantes
    }
booker-pick-a-day = Choisissez un jour pour voir les créneaux disponibles.
booker-your-details = Vos coordonnées
booker-your-name = Votre nom
booker-email = Adresse e-mail
booker-where = Où souhaitez-vous vous retrouver ?
booker-add-guests = Ajouter des invités
booker-guests-hint = Ils reçoivent aussi l’invitation.
booker-guest-email-n = E-mail de l’invité { $n }
booker-guest-email = E-mail de l’invité
booker-guests = Invités
booker-add-another-guest = + Ajouter un autre invité
booker-back = Retour
booker-request = Demander la réservation
booker-confirm = Confirmer la réservation
booker-confirm-new-time = Confirmer le nouvel horaire
booker-reschedule-reason = Motif du changement (facultatif)
booker-reschedule-reason-hint = Communiqué à l’hôte.
booker-reschedule = Déplacer
booker-too-many-from-network = Trop de réservations ont été faites depuis ce réseau. Réessayez dans { $minutes } minutes.
booker-too-many-event-type = Désolé, trop de réservations ont été faites pour ce type de rendez-vous au cours de la dernière heure. Réessayez dans { $minutes } minutes.
booker-too-many-host = Désolé, trop de réservations ont été faites avec cet hôte au cours de la dernière heure. Réessayez dans { $minutes } minutes.
booker-already-booked = Vous avez déjà réservé ce créneau
booker-already-booked-text = Cette réservation a été faite il y a un instant. Le lien de sa page de confirmation permet de la consulter, de la déplacer ou de l’annuler.
booker-back-to-calendar = Retour au calendrier
booker-optional = (facultatif)
booker-choose = Choisir…
booker-phone-hint = Un numéro de téléphone, comme +33 1 23 45 67 89
profile-nothing-to-book = Rien à réserver pour l’instant
profile-nothing-to-book-text = Il n’y a aucun type de rendez-vous à réserver ici pour le moment.

booker-error-too-many-guests = { $max ->
        [one] doit compter au plus { $max } invité
       *[other] doit compter au plus { $max } invités
    }
booker-error-not-a-question = n’est pas une question de ce type de rendez-vous
booker-error-choices = doit être une liste de choix
booker-error-not-a-choice = « { $choice } » n’est pas un choix possible ; choisissez parmi : { $choices }

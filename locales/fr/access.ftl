access-booking-hosts = seuls les hôtes de la réservation et les admins de l’équipe peuvent la modifier
access-team-admins = seuls les admins de l’équipe peuvent modifier l’équipe
access-administrators = seuls les administrateurs peuvent faire cela
access-own-account = vous ne pouvez pas désactiver votre propre compte
access-owner-account = le compte du propriétaire ne peut pas être désactivé
access-invite = seuls les administrateurs peuvent inviter des personnes
access-team-workflows = seuls les admins d’équipe peuvent ajouter des automatisations à une équipe

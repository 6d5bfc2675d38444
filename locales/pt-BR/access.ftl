access-booking-hosts = só os anfitriões do agendamento e os administradores da equipe podem alterá-lo
access-team-admins = só os administradores da equipe podem alterar a equipe
access-administrators = só administradores podem fazer isso
access-own-account = você não pode desativar a sua própria conta
access-owner-account = a conta do proprietário não pode ser desativada
access-invite = só administradores podem convidar pessoas
access-team-workflows = só administradores da equipe podem adicionar fluxos a uma equipe

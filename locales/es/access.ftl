access-booking-hosts = solo los anfitriones de la reserva y los administradores del equipo pueden cambiarla
access-team-admins = solo los administradores del equipo pueden cambiar el equipo
access-administrators = solo los administradores pueden hacer esto
access-own-account = no puede desactivar su propia cuenta
access-owner-account = la cuenta del propietario no se puede desactivar
access-invite = solo los administradores pueden invitar a personas
access-team-workflows = solo los administradores del equipo pueden añadir flujos a un equipo

access-booking-hosts = alleen de hosts van de boeking en de beheerders van het team kunnen die wijzigen
access-team-admins = alleen de beheerders van het team kunnen het team wijzigen
access-administrators = alleen beheerders kunnen dit doen
access-own-account = u kunt uw eigen account niet uitschakelen
access-owner-account = het account van de eigenaar kan niet worden uitgeschakeld
access-invite = alleen beheerders kunnen mensen uitnodigen
access-team-workflows = alleen teambeheerders kunnen werkstromen aan een team toevoegen

setup-title = Configurar o Kairos
setup-progress = Progresso da configuração
setup-step-account = Conta
setup-step-organization = Organização
setup-step-email = E-mail
setup-step-done = Pronto
setup-required = Configuração necessária
setup-required-text = Esta instância do Kairos ainda não foi configurada.
setup-required-where = O administrador encontra o link de configuração de uso único na saída de `kairos serve` ou no seu registro (em uma instalação de sistema: `journalctl -u kairos`).
setup-required-valid = O link vale por 30 minutos; reiniciar o Kairos mostra um novo.
setup-link-invalid = Este link de configuração não é válido
setup-link-invalid-title = Link de configuração inválido
setup-link-invalid-why = Ele pode ter expirado (os links duram 30 minutos), já ter sido usado ou ter sido copiado pela metade.
setup-link-invalid-what = Reinicie o Kairos para mostrar um novo link de configuração e abra-o em até 30 minutos.
setup-welcome = Boas-vindas ao Kairos
setup-welcome-text = Crie a conta do proprietário. Ela administra esta instância e pode convidar todas as outras pessoas.
setup-password-hint = Pelo menos 12 caracteres. Algumas palavras sem relação entre si formam uma senha forte.
setup-password-repeat = Repita a senha
setup-create-account = Criar conta e continuar
setup-organization = Sua organização
setup-organization-text = Eles aparecem nas páginas de agendamento e nas mensagens. Você pode alterá-los depois.
setup-organization-name = Nome da organização
setup-public-address-hint = A URL usada para acessar esta instância, como https://book.example.org.
setup-first-day = Primeiro dia da semana
setup-installation = Que tipo de instalação é esta?
setup-installation-hint = O Kairos desconecta as pessoas depois de um tempo sem atividade: cedo onde outros podem ver a tela, mais tarde num computador próprio. Os administradores podem mudar isso depois.
setup-installation-kind = Tipo de instalação
setup-installation-shared = Um consultório ou clínica: telas que outras pessoas podem ver ou usar
setup-installation-office = Uma equipe: cada pessoa no seu próprio computador
setup-installation-personal = Só eu, no meu próprio computador
setup-finish = Concluir a configuração
setup-email-text = O Kairos envia por e-mail confirmações, solicitações e mudanças para quem agenda e para os anfitriões. Informe agora seu servidor de e-mail ou pule esta etapa e faça isso depois em Administração → E-mail.
setup-save-finish = Salvar e concluir
setup-skip = Pular por enquanto
setup-signed-out-after = desconectado após { $minutes ->
        [60] 1 hora
        [240] 4 horas
        [480] 8 horas
       *[other] { $minutes } minutos
    }

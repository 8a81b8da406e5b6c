// kubectl-ns: kubens's behaviour (github.com/ahmetb/kubectx, cmd/kubens) on client-go, whose
// module the Go proxy here does not serve. It is a real client-go program: it reads the
// kubeconfig as kubectl does (KUBECONFIG, --kubeconfig), asks the API server, and writes the
// namespace into the current context with clientcmd.ModifyConfig, as kubens does.
//
//	kubectl ns            lists the namespaces
//	kubectl ns -c         prints the current context's namespace
//	kubectl ns NAME       makes NAME the current context's namespace
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/pflag"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/tools/clientcmd"
)

func main() {
	flags := pflag.NewFlagSet("kubectl-ns", pflag.ContinueOnError)
	kubeconfig := flags.String("kubeconfig", "", "Path to the kubeconfig file")
	current := flags.BoolP("current", "c", false, "Show the current namespace")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	rules.ExplicitPath = *kubeconfig
	loader := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &clientcmd.ConfigOverrides{})
	if err := run(loader, flags.Args(), *current); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}

func run(loader clientcmd.ClientConfig, args []string, current bool) error {
	raw, err := loader.RawConfig()
	if err != nil {
		return err
	}
	namespace, _, err := loader.Namespace()
	if err != nil {
		return err
	}
	if current {
		fmt.Println(namespace)
		return nil
	}
	restConfig, err := loader.ClientConfig()
	if err != nil {
		return err
	}
	core, err := corev1.NewForConfig(restConfig)
	if err != nil {
		return err
	}
	ctx := context.Background()
	if len(args) == 0 {
		list, err := core.Namespaces().List(ctx, metav1.ListOptions{})
		if err != nil {
			return err
		}
		for _, item := range list.Items {
			fmt.Println(item.Name)
		}
		return nil
	}
	target := args[0]
	if _, err := core.Namespaces().Get(ctx, target, metav1.GetOptions{}); err != nil {
		return fmt.Errorf("no namespace exists with name %q", target)
	}
	context, ok := raw.Contexts[raw.CurrentContext]
	if !ok {
		return fmt.Errorf("current context %q not found", raw.CurrentContext)
	}
	context.Namespace = target
	if err := clientcmd.ModifyConfig(loader.ConfigAccess(), raw, false); err != nil {
		return err
	}
	fmt.Printf("Active namespace is %q.\n", target)
	return nil
}

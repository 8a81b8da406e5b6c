// kubectl-objects: prints objects as `kubectl get TYPE [NAME...] -o yaml` does, one YAML
// document each, through client-go's dynamic client and cli-runtime's YAML printer. It stands
// in for the object-printing krew plugins (kubectl-neat, kubectl-tree) whose modules the Go
// proxy here does not serve, and is a real client-go program all the same.
//
//	kubectl objects [--kubeconfig F] [--context C] [-n NS] TYPE [NAME...]
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/pflag"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/cli-runtime/pkg/printers"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/discovery/cached/memory"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/restmapper"
	"k8s.io/client-go/tools/clientcmd"
)

func main() {
	flags := pflag.NewFlagSet("kubectl-objects", pflag.ContinueOnError)
	overrides := clientcmd.ConfigOverrides{}
	rules := clientcmd.NewDefaultClientConfigLoadingRules()
	flags.StringVar(&rules.ExplicitPath, "kubeconfig", "", "Path to the kubeconfig file")
	flags.StringVar(&overrides.CurrentContext, "context", "", "The kubeconfig context to use")
	flags.StringVarP(&overrides.Context.Namespace, "namespace", "n", "", "The namespace")
	if err := flags.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "error: you must specify the type of resource to print")
		os.Exit(1)
	}
	loader := clientcmd.NewNonInteractiveDeferredLoadingClientConfig(rules, &overrides)
	if err := run(loader, flags.Arg(0), flags.Args()[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
		os.Exit(1)
	}
}

func run(loader clientcmd.ClientConfig, resource string, names []string) error {
	config, err := loader.ClientConfig()
	if err != nil {
		return err
	}
	namespace, _, err := loader.Namespace()
	if err != nil {
		return err
	}
	disco, err := discovery.NewDiscoveryClientForConfig(config)
	if err != nil {
		return err
	}
	cached := memory.NewMemCacheClient(disco)
	mapper := restmapper.NewShortcutExpander(restmapper.NewDeferredDiscoveryRESTMapper(cached), cached, nil)
	gvr, err := mapper.ResourceFor(schema.ParseGroupResource(resource).WithVersion(""))
	if err != nil {
		return err
	}
	gvk, err := mapper.KindFor(gvr)
	if err != nil {
		return err
	}
	mapping, err := mapper.RESTMapping(gvk.GroupKind(), gvk.Version)
	if err != nil {
		return err
	}
	client, err := dynamic.NewForConfig(config)
	if err != nil {
		return err
	}
	var target dynamic.ResourceInterface = client.Resource(gvr)
	if mapping.Scope.Name() == "namespace" {
		target = client.Resource(gvr).Namespace(namespace)
	}
	ctx := context.Background()
	var objects []unstructured.Unstructured
	if len(names) == 0 {
		list, err := target.List(ctx, metav1.ListOptions{})
		if err != nil {
			return err
		}
		objects = list.Items
	}
	for _, name := range names {
		object, err := target.Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			return err
		}
		objects = append(objects, *object)
	}
	printer := &printers.YAMLPrinter{}
	for i := range objects {
		// kubectl get hides managedFields unless --show-managed-fields
		objects[i].SetManagedFields(nil)
		if err := printer.PrintObj(&objects[i], os.Stdout); err != nil {
			return err
		}
	}
	return nil
}
